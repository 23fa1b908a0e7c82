using Deliberation.Engine.Activities;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Engine.Tests.Runtime;

/// <summary>
/// An activity whose wait is cancelled — by a Join that goes on without its branch, or by cancelling the instance — is told in
/// the same step, so that it closes what it opened outside the instance; one that finishes its wait is not.
/// </summary>
public sealed class WorkflowRuntimeCancelHookTests
{
    // "hold" waits for "answer"; the other branch waits for "go"; the Join goes on at the first.
    private const string HoldOrGo = """
        {
          "id": "hold-or-go",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["hold", "go"] } } },
            { "id": "hold", "type": "Hold", "inputs": { "failOnCancel": { "type": "literal", "value": false } } },
            { "id": "go", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } },
            { "id": "join", "type": "Join", "inputs": { "mode": { "type": "literal", "value": "any" } } },
            { "id": "after", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "done" } } }
          ],
          "connections": [
            { "source": "start", "target": "fork" },
            { "source": "fork", "sourcePort": "hold", "target": "hold" },
            { "source": "fork", "sourcePort": "go", "target": "go" },
            { "source": "hold", "sourcePort": "Done", "target": "join" },
            { "source": "go", "sourcePort": "Received", "target": "join" },
            { "source": "join", "target": "after" }
          ]
        }
        """;

    private static string JustHold(bool failOnCancel) => $$"""
        {
          "id": "just-hold-{{(failOnCancel ? "failing" : "plain")}}",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "hold", "type": "Hold", "inputs": { "failOnCancel": { "type": "literal", "value": {{(failOnCancel ? "true" : "false")}} } } }
          ],
          "connections": [ { "source": "start", "target": "hold" } ]
        }
        """;

    [Fact]
    public async Task JoinGoesOnWithoutABranch_TheBranchsActivityIsToldInTheSameStep()
    {
        var hold = new HoldActivity();
        await using var engine = await TestEngine.CreateAsync(extraActivities: [hold]);
        hold.Database = engine.Database;
        var started = await engine.PublishAndStartAsync(HoldOrGo);

        var report = await engine.SignalAsync(started.InstanceId, "go");

        Assert.Equal("after", Assert.Single(report.Waiting).ActivityId);
        Assert.Equal(["closed:hold"], await KindsAsync(engine, started.InstanceId));
        Assert.Contains(await engine.JournalAsync(started.InstanceId), j => j.Kind == JournalKinds.ActivityCancelled && j.ActivityId == "hold");
    }

    [Fact]
    public async Task WaitFinishedNormally_TheActivityIsNotToldOfACancellation()
    {
        var hold = new HoldActivity();
        await using var engine = await TestEngine.CreateAsync(extraActivities: [hold]);
        hold.Database = engine.Database;
        var started = await engine.PublishAndStartAsync(HoldOrGo);

        // "hold" answers first; the Join then cancels "go" (a WaitForSignal, which has nothing to close).
        await engine.SignalAsync(started.InstanceId, "answer");

        Assert.Empty(await KindsAsync(engine, started.InstanceId));
    }

    [Fact]
    public async Task InstanceCancelled_EveryWaitingActivityIsTold()
    {
        var hold = new HoldActivity();
        await using var engine = await TestEngine.CreateAsync(extraActivities: [hold]);
        hold.Database = engine.Database;
        var started = await engine.PublishAndStartAsync(JustHold(failOnCancel: false));

        var report = await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, report.Status);
        Assert.Equal(["closed:hold"], await KindsAsync(engine, started.InstanceId));
    }

    [Fact]
    public async Task HookFails_ItsWorkIsTakenBack_TheCancellationStandsAndIsJournalled()
    {
        var hold = new HoldActivity();
        await using var engine = await TestEngine.CreateAsync(extraActivities: [hold]);
        hold.Database = engine.Database;
        var started = await engine.PublishAndStartAsync(JustHold(failOnCancel: true));

        var report = await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, report.Status);
        Assert.Empty(await KindsAsync(engine, started.InstanceId));
        Assert.Contains(await engine.JournalAsync(started.InstanceId),
            j => j.Kind == JournalKinds.ActivityCancelled && j.Detail == "cancel-hook-failed: could not close");
    }

    private static async Task<List<string>> KindsAsync(TestEngine engine, Guid instanceId)
    {
        await using var db = engine.Database.CreateContext();
        return await db.Outbox.Where(o => o.InstanceId == instanceId).Select(o => o.Kind).ToListAsync();
    }

    /// <summary>Waits for "answer"; when cancelled, writes an outbox row "closed:{id}" in the step (and then fails when told to).</summary>
    private sealed class HoldActivity : Activity
    {
        public DeliberationDatabase Database { get; set; } = null!;

        public override ActivityDescriptor Descriptor { get; } = new("Hold", 1, new("保持", "Hold"), new("测试", "Test"),
            [new("failOnCancel", InputType.Boolean, new("取消时失败", "Fail on cancel"), true, UiHint.Checkbox)], ["Done"]);

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
            new(ActivityResult.Suspend(BookmarkRequest.ForSignal("answer")));

        public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume) => new(ActivityResult.Complete());

        public override async ValueTask CancelAsync(ActivityContext context)
        {
            await using var db = await Database.CreateContextAsync(context.Step, context.CancellationToken);
            var now = context.Now;
            db.Outbox.Add(new OutboxRow
            {
                Id = Guid.CreateVersion7(now), InstanceId = context.InstanceId, Kind = "closed:" + context.Node.Id, Payload = "{}", CreatedAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync(context.CancellationToken);
            if (context.GetBoolean("failOnCancel")) throw new InvalidOperationException("could not close");
        }
    }
}
