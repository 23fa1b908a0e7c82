using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class ForEachActivityTests
{
    // Every stakeholder is asked in parallel on a signal named after them; Done goes on to End.
    private const string AskEveryone = """
        {
          "id": "ask-everyone",
          "inputs": [ { "name": "stakeholders", "type": "json", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "each", "type": "ForEach", "inputs": { "items": { "type": "scriban", "value": "input.stakeholders" } } },
            { "id": "ask", "type": "WaitForSignal", "inputs": { "signal": { "type": "scriban", "value": "answer-{{ item }}" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "each" },
            { "source": "each", "sourcePort": "Body", "target": "ask" },
            { "source": "each", "sourcePort": "Done", "target": "end" }
          ]
        }
        """;

    private static JsonObject Stakeholders(params string[] names) =>
        new() { ["stakeholders"] = new JsonArray(names.Select(n => (JsonNode?)n).ToArray()) };

    [Fact]
    public async Task Execute_ThreeItems_WaitsOnOneBookmarkPerItem()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(AskEveryone, Stakeholders("school", "shop", "clinic"));

        Assert.Equal(InstanceStatus.Suspended, report.Status);
        var signals = report.Waiting.Where(w => w.ActivityId == "ask").Select(w => Assert.Single(w.Bookmarks).SignalName).Order();
        Assert.Equal(["answer-clinic", "answer-school", "answer-shop"], signals);
    }

    [Fact]
    public async Task Resume_AllButLastAnswered_DoneNotYetTaken()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AskEveryone, Stakeholders("school", "shop", "clinic"));

        await engine.SignalAsync(started.InstanceId, "answer-shop");
        var report = await engine.SignalAsync(started.InstanceId, "answer-school");

        Assert.Equal(InstanceStatus.Suspended, report.Status);
        var stillAsking = report.Waiting.Where(w => w.ActivityId == "ask").ToList();
        Assert.Equal("answer-clinic", Assert.Single(Assert.Single(stillAsking).Bookmarks).SignalName);
        Assert.DoesNotContain(await engine.JournalAsync(started.InstanceId),
            j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "each");
    }

    [Fact]
    public async Task Resume_LastItemAnswered_TakesDone()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AskEveryone, Stakeholders("school", "shop", "clinic"));
        await engine.SignalAsync(started.InstanceId, "answer-shop");
        await engine.SignalAsync(started.InstanceId, "answer-school");

        var report = await engine.SignalAsync(started.InstanceId, "answer-clinic");

        Assert.Equal(InstanceStatus.Finished, report.Status);
        Assert.Single(await engine.JournalAsync(started.InstanceId),
            j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "each" && j.Outcome == "Done");
    }

    [Fact]
    public async Task Execute_EmptyArray_TakesDoneAtOnce()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(AskEveryone, Stakeholders());

        Assert.Equal(InstanceStatus.Finished, report.Status);
        Assert.DoesNotContain(await engine.JournalAsync(report.InstanceId), j => j.ActivityId == "ask");
    }

    [Fact]
    public async Task Execute_ItemsNotAnArray_RaisesIncident()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(AskEveryone, new JsonObject { ["stakeholders"] = "school" });

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        Assert.Equal("each", Assert.Single(await engine.IncidentsAsync(report.InstanceId)).ActivityId);
    }
}
