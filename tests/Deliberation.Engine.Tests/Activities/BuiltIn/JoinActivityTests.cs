using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

public sealed class JoinActivityTests
{
    // Two answers are collected in parallel; "after" waits once the join has let the token through.
    private static string TwoAnswers(string mode) => $$"""
        {
          "id": "two-answers",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["chair", "secretary"] } } },
            { "id": "askChair", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "chair" } } },
            { "id": "askSecretary", "type": "WaitForSignal", "inputs": {
                "signal": { "type": "literal", "value": "secretary" },
                "timeout": { "type": "literal", "value": "7d" } } },
            { "id": "join", "type": "Join", "inputs": { "mode": { "type": "literal", "value": "{{mode}}" } } },
            { "id": "after", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "done" } } }
          ],
          "connections": [
            { "source": "start", "target": "fork" },
            { "source": "fork", "sourcePort": "chair", "target": "askChair" },
            { "source": "fork", "sourcePort": "secretary", "target": "askSecretary" },
            { "source": "askChair", "sourcePort": "Received", "target": "join" },
            { "source": "askSecretary", "sourcePort": "Received", "target": "join" },
            { "source": "askSecretary", "sourcePort": "TimedOut", "target": "join" },
            { "source": "join", "target": "after" }
          ]
        }
        """;

    [Fact]
    public async Task Execute_ForkStarted_WaitsInEveryBranch()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(TwoAnswers("all"));

        Assert.Equal(["askChair", "askSecretary"], report.Waiting.Select(w => w.ActivityId).Order());
    }

    [Fact]
    public async Task Execute_AllModeOneBranchArrived_KeepsWaiting()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(TwoAnswers("all"));

        var report = await engine.SignalAsync(started.InstanceId, "chair");

        Assert.Equal("askSecretary", Assert.Single(report.Waiting).ActivityId);
        Assert.Contains(await engine.JournalAsync(started.InstanceId), j => j.Kind == JournalKinds.JoinWaiting && j.Detail == "1/2");
    }

    [Fact]
    public async Task Execute_AllModeEveryBranchArrived_GoesOn()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(TwoAnswers("all"));
        await engine.SignalAsync(started.InstanceId, "chair");

        var report = await engine.SignalAsync(started.InstanceId, "secretary");

        Assert.Equal("after", Assert.Single(report.Waiting).ActivityId);
        Assert.Single(await engine.JournalAsync(started.InstanceId), j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "join");
    }

    [Fact]
    public async Task Execute_AnyModeFirstBranchArrives_CancelsTheOtherBranchAndItsTimer()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(TwoAnswers("any"));

        var report = await engine.SignalAsync(started.InstanceId, "chair");

        Assert.Equal("after", Assert.Single(report.Waiting).ActivityId);
        Assert.Contains(await engine.JournalAsync(started.InstanceId),
            j => j.Kind == JournalKinds.ActivityCancelled && j.ActivityId == "askSecretary");
        Assert.Empty(await engine.TimersAsync(started.InstanceId));
        Assert.Equal(0, await engine.AdvanceAsync(TimeSpan.FromDays(8)));
        var conflict = await Assert.ThrowsAsync<WorkflowException>(() => engine.SignalAsync(started.InstanceId, "secretary"));
        Assert.Equal(WorkflowErrorKind.Conflict, conflict.Kind);
        Assert.Equal("after", Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting).ActivityId);
    }

    [Theory]
    [InlineData("answer", "note")]
    [InlineData("note", "answer")]
    public async Task Execute_BranchEndsWithoutReachingJoin_AllModeStillCompletes(string firstSignal, string secondSignal)
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync("""
            {
              "id": "branch-ends",
              "variables": [ { "name": "noted" } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["answer", "note"] } } },
                { "id": "ask", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "answer" } } },
                { "id": "waitForNote", "type": "WaitForSignal", "inputs": {
                    "signal": { "type": "literal", "value": "note" },
                    "resultVariable": { "type": "literal", "value": "noted" } } },
                { "id": "join", "type": "Join", "inputs": { "mode": { "type": "literal", "value": "all" } } },
                { "id": "after", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "done" } } }
              ],
              "connections": [
                { "source": "start", "target": "fork" },
                { "source": "fork", "sourcePort": "answer", "target": "ask" },
                { "source": "fork", "sourcePort": "note", "target": "waitForNote" },
                { "source": "ask", "sourcePort": "Received", "target": "join" },
                { "source": "join", "target": "after" }
              ]
            }
            """);
        await engine.SignalAsync(started.InstanceId, firstSignal);

        var report = await engine.SignalAsync(started.InstanceId, secondSignal);

        Assert.Equal("after", Assert.Single(report.Waiting).ActivityId);
    }

    [Fact]
    public async Task Execute_ForkInsideLoop_EachJoinWaitsForItsOwnForkExecution()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync("""
            {
              "id": "rounds",
              "variables": [ { "name": "round", "default": 0 } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["a", "b"] } } },
                { "id": "askA", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "a" } } },
                { "id": "askB", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "b" } } },
                { "id": "join", "type": "Join" },
                { "id": "count", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "round" },
                    "value": { "type": "scriban", "value": "vars.round + 1" } } },
                { "id": "again", "type": "If", "inputs": { "condition": { "type": "scriban", "value": "vars.round < 3" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "fork" },
                { "source": "fork", "sourcePort": "a", "target": "askA" },
                { "source": "fork", "sourcePort": "b", "target": "askB" },
                { "source": "askA", "sourcePort": "Received", "target": "join" },
                { "source": "askB", "sourcePort": "Received", "target": "join" },
                { "source": "join", "target": "count" },
                { "source": "count", "target": "again" },
                { "source": "again", "sourcePort": "True", "target": "fork" },
                { "source": "again", "sourcePort": "False", "target": "end" }
              ]
            }
            """);
        var id = started.InstanceId;

        await engine.SignalAsync(id, "a");
        var afterRound1 = await engine.SignalAsync(id, "b");
        // In round 2 only "a" answers: the arrival from round 1 must not count for this fork.
        var halfRound2 = await engine.SignalAsync(id, "a");
        await engine.SignalAsync(id, "b");
        await engine.SignalAsync(id, "b");
        var afterRound3 = await engine.SignalAsync(id, "a");

        Assert.Equal(["askA", "askB"], afterRound1.Waiting.Select(w => w.ActivityId).Order());
        Assert.Equal("askB", Assert.Single(halfRound2.Waiting).ActivityId);
        Assert.Equal(InstanceStatus.Finished, afterRound3.Status);
        var journal = await engine.JournalAsync(id);
        Assert.Equal(3, journal.Count(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "join"));
        Assert.Equal(3, journal.Count(j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "fork"));
        Assert.Equal(3, (await engine.InstanceAsync(id)).State.Variables["round"]!.GetValue<double>());
    }

    [Fact]
    public async Task Execute_ReminderLoopInsideBranch_JoinWaitsUntilTheLoopEnds()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync("""
            {
              "id": "loop-in-branch",
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["resident", "office"] } } },
                { "id": "askResident", "type": "WaitForSignal", "inputs": {
                    "signal": { "type": "literal", "value": "resident" },
                    "timeout": { "type": "literal", "value": "1d" } } },
                { "id": "remind", "type": "SendEmail", "inputs": {
                    "to": { "type": "literal", "value": "resident@example.org" },
                    "subject": { "type": "literal", "value": "Reminder" },
                    "body": { "type": "literal", "value": "Please answer." } } },
                { "id": "askOffice", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "office" } } },
                { "id": "join", "type": "Join" },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "fork" },
                { "source": "fork", "sourcePort": "resident", "target": "askResident" },
                { "source": "fork", "sourcePort": "office", "target": "askOffice" },
                { "source": "askResident", "sourcePort": "TimedOut", "target": "remind" },
                { "source": "remind", "target": "askResident" },
                { "source": "askResident", "sourcePort": "Received", "target": "join" },
                { "source": "askOffice", "sourcePort": "Received", "target": "join" },
                { "source": "join", "target": "end" }
              ]
            }
            """);
        await engine.SignalAsync(started.InstanceId, "office");
        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal("askResident", Assert.Single((await engine.InstanceAsync(started.InstanceId)).State.Waiting).ActivityId);

        var report = await engine.SignalAsync(started.InstanceId, "resident");

        Assert.Equal(InstanceStatus.Finished, report.Status);
        Assert.Equal(2, (await engine.OutboxAsync(started.InstanceId)).Count);
        Assert.Single(await engine.JournalAsync(started.InstanceId), j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "join");
    }

    [Fact]
    public async Task Execute_BranchSplitsInTwo_AllModeWaitsForBothAndGoesOnOnce()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync("""
            {
              "id": "split-branch",
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["residents", "office"] } } },
                { "id": "askTenants", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "tenants" } } },
                { "id": "askOwners", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "owners" } } },
                { "id": "askOffice", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "office" } } },
                { "id": "join", "type": "Join" },
                { "id": "after", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "done" } } }
              ],
              "connections": [
                { "source": "start", "target": "fork" },
                { "source": "fork", "sourcePort": "residents", "target": "askTenants" },
                { "source": "fork", "sourcePort": "residents", "target": "askOwners" },
                { "source": "fork", "sourcePort": "office", "target": "askOffice" },
                { "source": "askTenants", "sourcePort": "Received", "target": "join" },
                { "source": "askOwners", "sourcePort": "Received", "target": "join" },
                { "source": "askOffice", "sourcePort": "Received", "target": "join" },
                { "source": "join", "target": "after" }
              ]
            }
            """);
        await engine.SignalAsync(started.InstanceId, "tenants");

        var beforeLast = await engine.SignalAsync(started.InstanceId, "office");
        var afterLast = await engine.SignalAsync(started.InstanceId, "owners");

        Assert.Equal("askOwners", Assert.Single(beforeLast.Waiting).ActivityId);
        Assert.Equal("after", Assert.Single(afterLast.Waiting).ActivityId);
        Assert.Single(await engine.JournalAsync(started.InstanceId), j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "join");
    }
}
