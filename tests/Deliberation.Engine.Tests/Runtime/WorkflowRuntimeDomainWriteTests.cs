using System.Collections.Concurrent;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Tests.Support;

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

    /// <summary>Adds a domain write that records that it ran.</summary>
    private sealed class RecordWriteActivity(ConcurrentQueue<string> order) : Activity
    {
        public override ActivityDescriptor Descriptor { get; } = new("RecordWrite", 1, new("记录", "Record"), new("测试", "Test"), [], ["Done"]);

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
        {
            context.AddDomainWrite((_, _) =>
            {
                order.Enqueue("activity");
                return Task.CompletedTask;
            });
            return new(ActivityResult.Complete());
        }
    }
}
