using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class WaitForSignalActivityTests
{
    private const string AnswerWithin24Hours = """
        {
          "id": "answer-within-24h",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "WaitForSignal", "inputs": {
                "signal": { "type": "literal", "value": "answer" },
                "timeout": { "type": "literal", "value": "24h" } } },
            { "id": "thank", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "thanked" } } },
            { "id": "escalate", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "escalated" } } }
          ],
          "connections": [
            { "source": "start", "target": "ask" },
            { "source": "ask", "sourcePort": "Received", "target": "thank" },
            { "source": "ask", "sourcePort": "TimedOut", "target": "escalate" }
          ]
        }
        """;

    // The "answer or remind" loop: every 24 hours without an answer sends a reminder and waits again.
    private const string AnswerOrRemind = """
        {
          "id": "answer-or-remind",
          "inputs": [
            { "name": "email", "type": "text", "required": true },
            { "name": "topic", "type": "text", "required": true }
          ],
          "variables": [ { "name": "answer" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "WaitForSignal", "inputs": {
                "signal": { "type": "literal", "value": "answer" },
                "timeout": { "type": "literal", "value": "PT24H" },
                "resultVariable": { "type": "literal", "value": "answer" } } },
            { "id": "remind", "type": "SendEmail", "inputs": {
                "to": { "type": "scriban", "value": "input.email" },
                "subject": { "type": "scriban", "value": "Reminder: {{ input.topic }}" },
                "body": { "type": "literal", "value": "Please answer." } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "ask" },
            { "source": "ask", "sourcePort": "TimedOut", "target": "remind" },
            { "source": "remind", "target": "ask" },
            { "source": "ask", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task Resume_TimeoutPasses_TakesTimedOut()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerWithin24Hours);

        var fired = await engine.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.Equal(1, fired);
        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal("escalate", Assert.Single(instance.State.Waiting).ActivityId);
        Assert.Contains(await engine.JournalAsync(started.InstanceId),
            j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "ask" && j.Outcome == "TimedOut");
    }

    [Fact]
    public async Task Resume_OneTickBeforeTimeout_StillWaits()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerWithin24Hours);

        var fired = await engine.AdvanceAsync(TimeSpan.FromHours(24) - TimeSpan.FromTicks(1));

        Assert.Equal(0, fired);
        Assert.Equal("ask", Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting).ActivityId);
    }

    [Fact]
    public async Task Resume_SignalBeforeTimeout_TakesReceivedAndRemovesTheTimer()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerWithin24Hours);
        Assert.Single(await engine.TimersAsync(started.InstanceId));
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        var report = await engine.SignalAsync(started.InstanceId, "answer", "agreed");

        Assert.Equal("thank", Assert.Single(report.Waiting).ActivityId);
        Assert.Empty(await engine.TimersAsync(started.InstanceId));
        var journalBefore = await engine.JournalAsync(started.InstanceId);
        Assert.Equal(0, await engine.AdvanceAsync(TimeSpan.FromDays(2)));
        Assert.Equal("thank", Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting).ActivityId);
        Assert.Equal(journalBefore.Count, (await engine.JournalAsync(started.InstanceId)).Count);
    }

    [Fact]
    public async Task Resume_TwoTimeoutsThenAnswer_SendsTwoRemindersThenFinishes()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerOrRemind,
            new JsonObject { ["email"] = "resident@example.org", ["topic"] = "Bike racks" });

        Assert.Equal(1, await engine.AdvanceAsync(TimeSpan.FromHours(24)));
        Assert.Equal(1, await engine.AdvanceAsync(TimeSpan.FromHours(24)));
        var report = await engine.SignalAsync(started.InstanceId, "answer", "yes");

        Assert.Equal(InstanceStatus.Finished, report.Status);
        var outbox = await engine.OutboxAsync(started.InstanceId);
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, o => Assert.Equal(EmailMessage.OutboxKind, o.Kind));
        var email = JsonSerializer.Deserialize<EmailMessage>(outbox[0].Payload, DefinitionJson.Options)!;
        Assert.Equal(["resident@example.org"], email.To);
        Assert.Equal("Reminder: Bike racks", email.Subject);
        Assert.Equal(TestEngine.DefaultStart.AddHours(24), outbox[0].CreatedAt);
        Assert.Equal(TestEngine.DefaultStart.AddHours(48), outbox[1].CreatedAt);
        Assert.Empty(await engine.TimersAsync(started.InstanceId));
    }

    [Fact]
    public async Task Resume_ReminderSent_WaitsAgainWithANewTimeout()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(AnswerOrRemind,
            new JsonObject { ["email"] = "resident@example.org", ["topic"] = "Bike racks" });

        await engine.AdvanceAsync(TimeSpan.FromHours(24));

        var waiting = Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting);
        Assert.Equal("ask", waiting.ActivityId);
        Assert.Equal(TestEngine.DefaultStart.AddHours(48), waiting.Bookmarks.Single(b => b.Tag == "timeout").DueAt);
        Assert.Single(await engine.OutboxAsync(started.InstanceId));
    }
}
