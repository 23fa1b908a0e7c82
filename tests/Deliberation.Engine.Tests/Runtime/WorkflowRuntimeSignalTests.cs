using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeSignalTests
{
    // Waits for an answer, then for a confirmation, so the instance is still suspended after the answer.
    private const string AnswerThenConfirm = """
        {
          "id": "answer-then-confirm",
          "variables": [ { "name": "answer" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "WaitForSignal", "inputs": {
                "signal": { "type": "literal", "value": "answer" },
                "resultVariable": { "type": "literal", "value": "answer" } } },
            { "id": "check", "type": "If", "inputs": {
                "condition": { "type": "scriban", "value": "vars.answer.choice == \"yes\"" } } },
            { "id": "confirmYes", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "confirm" } } },
            { "id": "confirmNo", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "confirm" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "ask" },
            { "source": "ask", "sourcePort": "Received", "target": "check" },
            { "source": "check", "sourcePort": "True", "target": "confirmYes" },
            { "source": "check", "sourcePort": "False", "target": "confirmNo" },
            { "source": "confirmYes", "sourcePort": "Received", "target": "end" },
            { "source": "confirmNo", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task StartAsync_WaitForSignal_SuspendsOnTheSignalBookmark()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(AnswerThenConfirm);

        Assert.Equal(InstanceStatus.Suspended, report.Status);
        var waiting = Assert.Single(report.Waiting);
        Assert.Equal("ask", waiting.ActivityId);
        Assert.Equal("answer", Assert.Single(waiting.Bookmarks).SignalName);
    }

    [Fact]
    public async Task SignalAsync_AwaitedSignal_StoresPayloadInResultVariableAndResumes()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerThenConfirm);

        var report = await engine.SignalAsync(started.InstanceId, "answer", new JsonObject { ["choice"] = "yes" });

        Assert.Equal(InstanceStatus.Suspended, report.Status);
        Assert.Equal("confirmYes", Assert.Single(report.Waiting).ActivityId);
        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal("yes", instance.State.Variables["answer"]!["choice"]!.GetValue<string>());
        var journal = await engine.JournalAsync(started.InstanceId);
        Assert.Contains(journal, j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "ask" && j.Outcome == "Received");
    }

    [Fact]
    public async Task SignalAsync_SignalAlreadyConsumed_ThrowsConflictAndChangesNothing()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerThenConfirm);
        await engine.SignalAsync(started.InstanceId, "answer", new JsonObject { ["choice"] = "no" });
        var journalBefore = await engine.JournalAsync(started.InstanceId);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.SignalAsync(started.InstanceId, "answer", new JsonObject { ["choice"] = "yes" }));

        Assert.Equal(WorkflowErrorKind.Conflict, ex.Kind);
        Assert.Equal(journalBefore.Count, (await engine.JournalAsync(started.InstanceId)).Count);
        Assert.Equal("confirmNo", Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting).ActivityId);
    }

    [Fact]
    public async Task SignalAsync_UnknownInstance_ThrowsNotFound()
    {
        await using var engine = await TestEngine.CreateAsync();

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.SignalAsync(Guid.NewGuid(), "answer"));

        Assert.Equal(WorkflowErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task ResumeBookmarkAsync_WaitingBookmark_ResumesWithPayload()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerThenConfirm);
        var bookmark = Assert.Single(started.Waiting).Bookmarks[0].Id;

        var report = await engine.Runtime.ResumeBookmarkAsync(started.InstanceId, bookmark, new JsonObject { ["choice"] = "yes" }, null, CancellationToken.None);

        Assert.Equal("confirmYes", Assert.Single(report.Waiting).ActivityId);
    }

    [Fact]
    public async Task ResumeBookmarkAsync_ConsumedBookmark_ThrowsConflictBookmarkConsumed()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerThenConfirm);
        var bookmark = Assert.Single(started.Waiting).Bookmarks[0].Id;
        await engine.SignalAsync(started.InstanceId, "answer", new JsonObject { ["choice"] = "yes" });

        var ex = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Runtime.ResumeBookmarkAsync(started.InstanceId, bookmark, null, null, CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.Conflict, ex.Kind);
        Assert.Equal("bookmark-consumed", ex.Code);
    }

    [Fact]
    public async Task ResumeBookmarkAsync_UnknownBookmark_ThrowsNotFound()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerThenConfirm);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Runtime.ResumeBookmarkAsync(started.InstanceId, Guid.NewGuid(), null, null, CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.NotFound, ex.Kind);
        Assert.Equal("bookmark-not-found", ex.Code);
    }

    [Fact]
    public async Task SignalAsync_SameIdempotencyKeyRepeated_ReturnsFirstResultAndChangesNothing()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerThenConfirm);
        var payload = new JsonObject { ["choice"] = "yes" };
        var first = await engine.Runtime.SignalAsync(started.InstanceId, "answer", payload, "answer-key", CancellationToken.None);
        var journalBefore = await engine.JournalAsync(started.InstanceId);
        var revisionBefore = (await engine.InstanceAsync(started.InstanceId)).Revision;

        var second = await engine.Runtime.SignalAsync(started.InstanceId, "answer", payload.DeepClone(), "answer-key", CancellationToken.None);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Waiting.Select(w => w.ExecutionId), second.Waiting.Select(w => w.ExecutionId));
        Assert.Equal(journalBefore.Count, (await engine.JournalAsync(started.InstanceId)).Count);
        Assert.Equal(revisionBefore, (await engine.InstanceAsync(started.InstanceId)).Revision);
    }

    [Fact]
    public async Task SignalAsync_SameIdempotencyKeyDifferentPayload_ThrowsIdempotencyMismatch()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerThenConfirm);
        await engine.Runtime.SignalAsync(started.InstanceId, "answer", new JsonObject { ["choice"] = "yes" }, "answer-key", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Runtime.SignalAsync(started.InstanceId, "answer", new JsonObject { ["choice"] = "no" }, "answer-key", CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.IdempotencyMismatch, ex.Kind);
        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal("yes", instance.State.Variables["answer"]!["choice"]!.GetValue<string>());
    }
}
