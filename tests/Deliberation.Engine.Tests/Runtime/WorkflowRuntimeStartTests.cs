using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeStartTests
{
    private const string StartToEnd = """
        {
          "id": "start-to-end",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "end", "type": "End" }
          ],
          "connections": [ { "source": "start", "sourcePort": "Done", "target": "end" } ]
        }
        """;

    private const string WithInputs = """
        {
          "id": "with-inputs",
          "inputs": [
            { "name": "caseNumber", "type": "text", "required": true },
            { "name": "email", "type": "text" },
            { "name": "tieRule", "type": "text", "default": "lots",
              "options": [ { "value": "lots", "displayName": { "zh-CN": "抽签", "en": "Drawing lots" } }, { "value": "staff" } ] }
          ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "end", "type": "End" }
          ],
          "connections": [ { "source": "start", "target": "end" } ]
        }
        """;

    [Fact]
    public async Task StartAsync_StartConnectedToEnd_FinishesWithJournal()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(StartToEnd);

        var report = await engine.StartAsync("start-to-end");

        Assert.Equal(InstanceStatus.Finished, report.Status);
        Assert.Equal(1, report.DefinitionVersion);
        Assert.Empty(report.Waiting);
        var kinds = (await engine.JournalAsync(report.InstanceId)).Select(j => j.Kind).ToList();
        Assert.Equal(JournalKinds.InstanceStarted, kinds[0]);
        Assert.Equal(JournalKinds.InstanceFinished, kinds[^1]);
        Assert.Equal(InstanceStatus.Finished, (await engine.InstanceAsync(report.InstanceId)).Status);
    }

    [Fact]
    public async Task StartAsync_RequiredInputMissing_ThrowsInvalidNamingTheInput()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(WithInputs);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.StartAsync("with-inputs", new JsonObject { ["email"] = "a@example.org" }));

        Assert.Equal(WorkflowErrorKind.Invalid, ex.Kind);
        Assert.NotNull(ex.Errors);
        Assert.Equal(["caseNumber"], ex.Errors.Keys);
    }

    [Fact]
    public async Task StartAsync_ValueNotAnOption_ThrowsInvalidListingTheOptions()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(WithInputs);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.StartAsync("with-inputs", new JsonObject { ["caseNumber"] = "C-1", ["tieRule"] = "coin" }));

        Assert.Equal(WorkflowErrorKind.Invalid, ex.Kind);
        Assert.Equal(["One of lots, staff is expected."], ex.Errors!["tieRule"]);
        var started = await engine.StartAsync("with-inputs", new JsonObject { ["caseNumber"] = "C-2", ["tieRule"] = "staff" });
        Assert.Equal("staff", (string)(await engine.InstanceAsync(started.InstanceId)).State.Input["tieRule"]!);
    }

    [Fact]
    public async Task StartAsync_RequiredInputBlank_ThrowsInvalid()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(WithInputs);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.StartAsync("with-inputs", new JsonObject { ["caseNumber"] = "  " }));

        Assert.Equal(WorkflowErrorKind.Invalid, ex.Kind);
        Assert.Contains("caseNumber", ex.Errors!.Keys);
    }

    [Fact]
    public async Task StartAsync_UnknownInput_ThrowsInvalidNamingTheInput()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(WithInputs);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.StartAsync("with-inputs", new JsonObject { ["caseNumber"] = "2026-17", ["phone"] = "123" }));

        Assert.Equal(WorkflowErrorKind.Invalid, ex.Kind);
        Assert.Equal(["phone"], ex.Errors!.Keys);
    }

    [Fact]
    public async Task StartAsync_InputOfWrongType_ThrowsInvalid()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(WithInputs);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.StartAsync("with-inputs", new JsonObject { ["caseNumber"] = 17 }));

        Assert.Equal(WorkflowErrorKind.Invalid, ex.Kind);
        Assert.Contains("caseNumber", ex.Errors!.Keys);
    }

    [Fact]
    public async Task StartAsync_PickerInputsNotIds_ThrowsInvalidWithTheirCodes()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync("""
            {
              "id": "with-pickers",
              "inputs": [
                { "name": "building", "type": "text", "required": true, "picker": "buildingGroup" },
                { "name": "people", "type": "json", "picker": "person" }
              ],
              "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
              "connections": [ { "source": "start", "target": "end" } ]
            }
            """);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.StartAsync("with-pickers", new JsonObject { ["building"] = "1栋", ["people"] = new JsonArray("李二") }));

        Assert.Equal(WorkflowErrorKind.Invalid, ex.Kind);
        Assert.Equal("input-id", Assert.Single(ex.FieldErrors!["building"]).Code);
        Assert.Equal("input-ids", Assert.Single(ex.FieldErrors!["people"]).Code);
        var id = Guid.NewGuid().ToString();
        var started = await engine.StartAsync("with-pickers", new JsonObject { ["building"] = id, ["people"] = new JsonArray(id) });
        Assert.Equal(id, (string)(await engine.InstanceAsync(started.InstanceId)).State.Input["building"]!);
    }

    [Fact]
    public async Task StartAsync_UnknownDefinition_ThrowsNotFound()
    {
        await using var engine = await TestEngine.CreateAsync();

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.StartAsync("no-such-workflow"));

        Assert.Equal(WorkflowErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task StartAsync_SameIdempotencyKeyTwice_StartsOneInstance()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(StartToEnd);
        var request = new StartRequest("start-to-end", null, null, "case-1", "start-key");

        var first = await engine.Runtime.StartAsync(request, CancellationToken.None);
        var second = await engine.Runtime.StartAsync(request, CancellationToken.None);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.InstanceId, second.InstanceId);
        var (_, total) = await engine.Queries.ListAsync("start-to-end", null, null, null, null, 0, 10, CancellationToken.None);
        Assert.Equal(1, total);
    }
}
