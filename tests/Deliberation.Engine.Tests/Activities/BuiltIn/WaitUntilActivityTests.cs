using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class WaitUntilActivityTests
{
    // The meeting time is an input so one definition serves past and future dates.
    private const string UntilMeeting = """
        {
          "id": "until-meeting",
          "inputs": [ { "name": "meetingAt", "type": "dateTime", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitUntil", "inputs": { "until": { "type": "variable", "value": "meetingAt" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "wait" },
            { "source": "wait", "target": "end" }
          ]
        }
        """;

    private static readonly DateTimeOffset Meeting = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Resume_OneTickBeforeTheTime_DoesNotFire()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(UntilMeeting, new JsonObject { ["meetingAt"] = "2026-12-01T09:00:00+08:00" });

        engine.Time.SetUtcNow(Meeting - TimeSpan.FromTicks(1));
        var fired = await engine.Pump.FireAllDueAsync(CancellationToken.None);

        Assert.Equal(0, fired);
        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task Resume_TheTimeComes_FiresAndFinishes()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(UntilMeeting, new JsonObject { ["meetingAt"] = "2026-12-01T09:00:00+08:00" });

        engine.Time.SetUtcNow(Meeting);
        var fired = await engine.Pump.FireAllDueAsync(CancellationToken.None);

        Assert.Equal(1, fired);
        Assert.Equal(InstanceStatus.Finished, (await engine.InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task Execute_TimeAlreadyPassed_GoesOnAtOnce()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(UntilMeeting, new JsonObject { ["meetingAt"] = "2026-01-01T09:00:00+08:00" });

        Assert.Equal(InstanceStatus.Finished, report.Status);
        Assert.Empty(await engine.TimersAsync(report.InstanceId));
    }
}
