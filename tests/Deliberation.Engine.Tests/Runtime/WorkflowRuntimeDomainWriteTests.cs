using System.Collections.Concurrent;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeDomainWriteTests
{
    private const string WaitThenWrite = """
        {
          "id": "wait-then-write",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "answer" } } },
            { "id": "write", "type": "RecordWrite" }
          ],
          "connections": [
            { "source": "start", "target": "wait" },
            { "source": "wait", "sourcePort": "Received", "target": "write" }
          ]
        }
        """;

    [Fact]
    public async Task SignalAsync_WithDomainWrite_WritesItBeforeTheWritesOfTheActivitiesItResumed()
    {
        var order = new ConcurrentQueue<string>();
        await using var engine = await TestEngine.CreateAsync(extraActivities: [new RecordWriteActivity(order)]);
        var started = await engine.PublishAndStartAsync(WaitThenWrite);

        await engine.Runtime.SignalAsync(started.InstanceId, "answer", null, null, (_, _) =>
        {
            order.Enqueue("answer");
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(["answer", "activity"], order);
    }

    // Two activities in one step, each writing an outbox row through the step's unit of work; the second then fails.
    private const string WriteThenFail = """
        {
          "id": "write-then-fail",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "kept", "type": "WriteRow", "inputs": { "fail": { "type": "literal", "value": false } } },
            { "id": "undone", "type": "WriteRow", "inputs": { "fail": { "type": "literal", "value": true } } }
          ],
          "connections": [
            { "source": "start", "target": "kept" },
            { "source": "kept", "target": "undone" }
          ]
        }
        """;

    [Fact]
    public async Task StartAsync_ActivityFaultsAfterWritingInTheStep_ItsWorkIsUndoneAndTheRestOfTheStepCommits()
    {
        var writer = new WriteRowActivity();
        await using var engine = await TestEngine.CreateAsync(extraActivities: [writer]);
        writer.Database = engine.Database;

        var started = await engine.PublishAndStartAsync(WriteThenFail);

        Assert.Equal(InstanceStatus.Faulted, started.Status);
        Assert.Equal("undone", Assert.Single(await engine.IncidentsAsync(started.InstanceId)).ActivityId);
        await using var db = engine.Database.CreateContext();
        Assert.Equal(["kept"], await db.Outbox.Where(o => o.InstanceId == started.InstanceId).Select(o => o.Kind).ToListAsync());
    }

    [Fact]
    public async Task SignalAsync_DomainWriteThrows_NothingOfTheStepCommits()
    {
        await using var engine = await TestEngine.CreateAsync(extraActivities: [new RecordWriteActivity(new ConcurrentQueue<string>())]);
        var started = await engine.PublishAndStartAsync(WaitThenWrite);

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Runtime.SignalAsync(started.InstanceId, "answer", null, null, async (step, ct) =>
        {
            await using var db = await engine.Database.CreateContextAsync(step, ct);
            db.Outbox.Add(Row(started.InstanceId, "answer", engine.Time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("refused after writing");
        }, CancellationToken.None));

        Assert.Equal("wait", Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting).ActivityId);
        await using var read = engine.Database.CreateContext();
        Assert.False(await read.Outbox.AnyAsync(o => o.InstanceId == started.InstanceId));
    }

    private static OutboxRow Row(Guid instanceId, string kind, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), InstanceId = instanceId, Kind = kind, Payload = "{}", CreatedAt = now, NextAttemptAt = now };

    /// <summary>Writes an outbox row named after itself in the step's unit of work, then fails when told to.</summary>
    private sealed class WriteRowActivity : Activity
    {
        public DeliberationDatabase Database { get; set; } = null!;

        public override ActivityDescriptor Descriptor { get; } = new("WriteRow", 1, new("写入", "Write"), new("测试", "Test"),
            [new("fail", InputType.Boolean, new("失败", "Fail"), true, UiHint.Checkbox)], ["Done"]);

        public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
        {
            await using var db = await Database.CreateContextAsync(context.Step, context.CancellationToken);
            db.Outbox.Add(Row(context.InstanceId, context.Node.Id, context.Now));
            await db.SaveChangesAsync(context.CancellationToken);
            if (context.GetBoolean("fail")) throw new InvalidOperationException("failed after writing");
            return ActivityResult.Complete();
        }
    }

    /// <summary>Records that it ran (as its domain work would, in the step).</summary>
    private sealed class RecordWriteActivity(ConcurrentQueue<string> order) : Activity
    {
        public override ActivityDescriptor Descriptor { get; } = new("RecordWrite", 1, new("记录", "Record"), new("测试", "Test"), [], ["Done"]);

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
        {
            order.Enqueue("activity");
            return new(ActivityResult.Complete());
        }
    }
}
