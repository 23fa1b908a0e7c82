using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class DelayActivityTests
{
    private const string CoolingOff = """
        {
          "id": "cooling-off",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "2d" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "wait" },
            { "source": "wait", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task Execute_Duration_SuspendsOnATimerDueAfterIt()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(CoolingOff);

        var bookmark = Assert.Single(Assert.Single(report.Waiting).Bookmarks);
        Assert.Equal(TestEngine.DefaultStart.AddDays(2), bookmark.DueAt);
        Assert.Equal(TestEngine.DefaultStart.AddDays(2), Assert.Single(await engine.TimersAsync(report.InstanceId)).DueAt);
    }

    [Fact]
    public async Task Resume_OneTickBeforeDue_DoesNotFire()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(CoolingOff);

        var fired = await engine.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));

        Assert.Equal(0, fired);
        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task Resume_Due_FiresAndFinishes()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(CoolingOff);
        await engine.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));

        var fired = await engine.AdvanceAsync(TimeSpan.FromTicks(1));

        Assert.Equal(1, fired);
        Assert.Equal(InstanceStatus.Finished, (await engine.InstanceAsync(started.InstanceId)).Status);
        Assert.Empty(await engine.TimersAsync(started.InstanceId));
    }

    [Fact]
    public async Task Resume_ClockBetweenMilliseconds_DoesNotFireBeforeDue()
    {
        // The database keeps times in whole milliseconds: a due time between two of them may fire up to a
        // millisecond late, never early.
        var start = TestEngine.DefaultStart.AddTicks(5_000);
        await using var engine = await TestEngine.CreateAsync(start);
        var started = await engine.PublishAndStartAsync(CoolingOff);

        var fired = await engine.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));

        Assert.Equal(0, fired);
        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(started.InstanceId)).Status);
        Assert.Equal(1, await engine.AdvanceAsync(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task Execute_ZeroDuration_GoesOnAtOnce()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(CoolingOff.Replace("\"2d\"", "\"0s\"", StringComparison.Ordinal));

        Assert.Equal(InstanceStatus.Finished, report.Status);
    }
}
