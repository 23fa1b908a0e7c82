using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeCancelTests
{
    // A signal with a one-day timeout in one branch, a one-hour delay in the other.
    private const string TwoTimers = """
        {
          "id": "two-timers",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["ask", "wait"] } } },
            { "id": "ask", "type": "WaitForSignal", "inputs": {
                "signal": { "type": "literal", "value": "answer" },
                "timeout": { "type": "literal", "value": "1d" } } },
            { "id": "delay", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "1h" } } },
            { "id": "join", "type": "Join" },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "fork" },
            { "source": "fork", "sourcePort": "ask", "target": "ask" },
            { "source": "fork", "sourcePort": "wait", "target": "delay" },
            { "source": "ask", "sourcePort": "Received", "target": "join" },
            { "source": "ask", "sourcePort": "TimedOut", "target": "join" },
            { "source": "delay", "target": "join" },
            { "source": "join", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task CancelAsync_SuspendedInstance_CancelsItAndItsTimers()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(TwoTimers);
        Assert.Equal(2, (await engine.TimersAsync(started.InstanceId)).Count);

        var report = await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, report.Status);
        Assert.Empty(report.Waiting);
        Assert.Empty(await engine.TimersAsync(started.InstanceId));
        Assert.Equal(0, await engine.AdvanceAsync(TimeSpan.FromDays(2)));
        Assert.Equal(InstanceStatus.Cancelled, (await engine.InstanceAsync(started.InstanceId)).Status);
        var journal = await engine.JournalAsync(started.InstanceId);
        Assert.Equal(JournalKinds.InstanceCancelled, journal[^1].Kind);
        Assert.Equal(2, journal.Count(j => j.Kind == JournalKinds.ActivityCancelled));
    }

    [Fact]
    public async Task CancelAsync_AlreadyCancelled_ThrowsConflict()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(TwoTimers);
        await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task SignalAsync_CancelledInstance_ThrowsConflict()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(TwoTimers);
        await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.SignalAsync(started.InstanceId, "answer"));

        Assert.Equal(WorkflowErrorKind.Conflict, ex.Kind);
    }
}
