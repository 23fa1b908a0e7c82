using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

/// <summary>Durable signals: queued in the instance's inbox, delivered when a bookmark waits for them, never lost.</summary>
public sealed class WorkflowRuntimeQueuedSignalTests
{
    // A one-hour preparation, then a wait for "vote" (only for meeting m2, the current one), then a wait for "close".
    private const string MeetingThenClose = """
        {
          "id": "meeting-then-close",
          "variables": [ { "name": "vote" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "prepare", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "1h" } } },
            { "id": "vote", "type": "WaitForSignal", "inputs": {
                "signal": { "type": "literal", "value": "vote" },
                "correlation": { "type": "literal", "value": "m2" },
                "resultVariable": { "type": "literal", "value": "vote" } } },
            { "id": "close", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "close" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "prepare" },
            { "source": "prepare", "sourcePort": "Done", "target": "vote" },
            { "source": "vote", "sourcePort": "Received", "target": "close" },
            { "source": "close", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task QueueSignalAsync_BeforeItsBookmarkExists_IsDeliveredWhenTheInstanceCreatesIt()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(MeetingThenClose);

        var queued = await engine.Runtime.QueueSignalAsync(started.InstanceId, "vote", "m2", new JsonObject { ["passed"] = true }, null, CancellationToken.None);
        var beforeTimer = await engine.Store.GetQueuedSignalsAsync(started.InstanceId, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("prepare", Assert.Single(queued.Waiting).ActivityId);
        Assert.Equal("vote", Assert.Single(beforeTimer).Name);
        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal("close", Assert.Single(instance.State.Waiting).ActivityId);
        Assert.True((bool)instance.State.Variables["vote"]!["passed"]!);
        Assert.Empty(await engine.Store.GetQueuedSignalsAsync(started.InstanceId, CancellationToken.None));
    }

    [Fact]
    public async Task QueueSignalAsync_TwoQueuedInOrder_AreDeliveredOldestFirstInOneStep()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(MeetingThenClose);

        // "close" would be taken by nothing now; queued after "vote", it is delivered once "vote" has created its wait.
        await engine.Runtime.QueueSignalAsync(started.InstanceId, "vote", "m2", null, null, CancellationToken.None);
        await engine.Runtime.QueueSignalAsync(started.InstanceId, "close", null, null, null, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Empty(await engine.Store.GetQueuedSignalsAsync(started.InstanceId, CancellationToken.None));
    }

    [Fact]
    public async Task QueueSignalAsync_OtherCorrelation_StaysQueuedAndTheSameCorrelationIsTaken()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(MeetingThenClose);
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        // A vote of an earlier meeting (m1) is not this meeting's vote.
        var stale = await engine.Runtime.QueueSignalAsync(started.InstanceId, "vote", "m1", null, null, CancellationToken.None);
        var current = await engine.Runtime.QueueSignalAsync(started.InstanceId, "vote", "m2", null, null, CancellationToken.None);

        Assert.Equal("vote", Assert.Single(stale.Waiting).ActivityId);
        Assert.Equal("close", Assert.Single(current.Waiting).ActivityId);
        Assert.Equal("m1", Assert.Single(await engine.Store.GetQueuedSignalsAsync(started.InstanceId, CancellationToken.None)).Correlation);
    }

    [Fact]
    public async Task QueueSignalAsync_SameIdempotencyKeyTwice_IsQueuedAndDeliveredOnce()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(MeetingThenClose);

        await engine.Runtime.QueueSignalAsync(started.InstanceId, "close", null, null, "close-1", CancellationToken.None);
        await engine.Runtime.QueueSignalAsync(started.InstanceId, "close", null, null, "close-1", CancellationToken.None);

        Assert.Single(await engine.Store.GetQueuedSignalsAsync(started.InstanceId, CancellationToken.None));
    }

    [Fact]
    public async Task DeliverQueuedSignalsAsync_HostDiedBeforeDelivering_TheSweepDeliversItOnceTheInstanceWaits()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(MeetingThenClose);
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        // The signal's row committed, and the host died before it delivered it: nothing but the row exists.
        await engine.Store.QueueSignalAsync(new QueuedSignal(Guid.CreateVersion7(), started.InstanceId, "vote", "m2", null, null, engine.Time.GetUtcNow()),
            CancellationToken.None);
        var beforeSweep = await engine.InstanceAsync(started.InstanceId);
        var delivered = await engine.Pump.DeliverQueuedSignalsAsync(CancellationToken.None);
        var again = await engine.Pump.DeliverQueuedSignalsAsync(CancellationToken.None);

        Assert.Equal("vote", Assert.Single(beforeSweep.State.Waiting).ActivityId);
        Assert.Equal(1, delivered);
        Assert.Equal(0, again);
        Assert.Equal("close", Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting).ActivityId);
    }

    [Fact]
    public async Task DeliverQueuedSignalsAsync_UntakenWhenTheInstanceEnds_IsDroppedWithAJournalLine()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(MeetingThenClose);
        await engine.Runtime.QueueSignalAsync(started.InstanceId, "vote", "m1", null, null, CancellationToken.None);

        await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);
        await engine.Pump.DeliverQueuedSignalsAsync(CancellationToken.None);

        Assert.Empty(await engine.Store.GetQueuedSignalsAsync(started.InstanceId, CancellationToken.None));
        var journal = await engine.JournalAsync(started.InstanceId);
        Assert.Contains(journal, j => j.Kind == JournalKinds.SignalDropped && j.Detail == "vote");
        var ended = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Runtime.QueueSignalAsync(started.InstanceId, "close", null, null, null, CancellationToken.None));
        Assert.Equal("instance-ended", ended.Code);
    }
}
