using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Engine.Tests.Activities.BuiltIn;

/// <summary>
/// RunWorkflow: a child instance started in the parent's step, in the parent's community, waited for through a durable
/// signal its last step queues, and handed back as the activity's output.
/// </summary>
public sealed class RunWorkflowActivityTests
{
    private static readonly Guid Dalong = Guid.Parse("0193b1a0-0000-7000-8000-000000000001");
    private static readonly Guid Wenhua = Guid.Parse("0193b1a0-0000-7000-8000-000000000002");

    // Greets after a two-hour wait: a child that outlives its parent's step.
    private const string SlowGreeting = """
        {
          "id": "slow-greeting",
          "inputs": [ { "name": "who", "type": "text", "required": true } ],
          "variables": [ { "name": "greeting" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "2h" } } },
            { "id": "greet", "type": "SetVariable", "inputs": {
                "variable": { "type": "literal", "value": "greeting" },
                "value": { "type": "scriban", "value": "'您好，' + input.who" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "wait" },
            { "source": "wait", "target": "greet" },
            { "source": "greet", "target": "end" }
          ]
        }
        """;

    // Greets at once: a child that finishes inside its parent's step.
    private const string QuickGreeting = """
        {
          "id": "quick-greeting",
          "inputs": [ { "name": "who", "type": "text", "required": true } ],
          "variables": [ { "name": "greeting" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "greet", "type": "SetVariable", "inputs": {
                "variable": { "type": "literal", "value": "greeting" },
                "value": { "type": "scriban", "value": "'您好，' + input.who" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "greet" },
            { "source": "greet", "target": "end" }
          ]
        }
        """;

    // Sends an email to nobody after an hour (or at once): a child that faults.
    private static string Faulty(string id, string delay) => $$"""
        {
          "id": "{{id}}",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "{{delay}}" } } },
            { "id": "mail", "type": "SendEmail", "inputs": {
                "to": { "type": "scriban", "value": "''" },
                "subject": { "type": "literal", "value": "通知" },
                "body": { "type": "literal", "value": "正文" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "wait" },
            { "source": "wait", "target": "mail" },
            { "source": "mail", "target": "end" }
          ]
        }
        """;

    // Runs a child (named literally, or by the input "child" when given as a script) and copies its greeting.
    private static string Parent(string childExpression, string id = "parent") => $$"""
        {
          "id": "{{id}}",
          "inputs": [ { "name": "who", "type": "text" }, { "name": "child", "type": "text" } ],
          "variables": [ { "name": "result" }, { "name": "greeting" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "run", "type": "RunWorkflow", "inputs": {
                "definitionId": {{childExpression}},
                "inputs": { "type": "literal", "value": { "who": "input.who" } },
                "resultVariable": { "type": "literal", "value": "result" } } },
            { "id": "copy", "type": "SetVariable", "inputs": {
                "variable": { "type": "literal", "value": "greeting" },
                "value": { "type": "scriban", "value": "output.run.variables.greeting" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "run" },
            { "source": "run", "sourcePort": "Done", "target": "copy" },
            { "source": "copy", "target": "end" }
          ]
        }
        """;

    private static string Literal(string value) => $$"""{ "type": "literal", "value": "{{value}}" }""";

    private static Task<StepReport> StartParentAsync(TestEngine engine, Guid community, string definitionId = "parent", JsonObject? input = null) =>
        engine.Runtime.StartAsync(new StartRequest(definitionId, null, input ?? new JsonObject { ["who"] = "王阿姨" }, "DL-2026-007", null, community),
            CancellationToken.None);

    private static Guid ChildOf(WorkflowInstance parent) =>
        Guid.Parse(parent.State.Waiting.Concat(parent.State.Faulted).Single(e => e.ActivityId == "run").State!["child"]!.GetValue<string>());

    [Fact]
    public async Task Execute_ChildWithADelay_ParentWaitsAndResumesWithTheChildsVariablesWhenItFinishes()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(SlowGreeting);
        await engine.PublishAsync(Parent(Literal("slow-greeting")));

        var started = await StartParentAsync(engine, Dalong);
        var childId = ChildOf(await engine.InstanceAsync(started.InstanceId));
        var childBefore = await engine.InstanceAsync(childId);
        await engine.AdvanceAsync(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        var stillWaiting = await engine.InstanceAsync(started.InstanceId);
        await engine.AdvanceAsync(TimeSpan.FromTicks(1));

        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal("run", Assert.Single(started.Waiting).ActivityId);
        Assert.Equal((InstanceStatus.Suspended, Dalong, "DL-2026-007"), (childBefore.Status, childBefore.ScopeId, childBefore.CorrelationId));
        Assert.Equal("王阿姨", childBefore.State.Input["who"]!.GetValue<string>());
        Assert.Equal(started.InstanceId, childBefore.State.Parent!.InstanceId);
        Assert.Equal(InstanceStatus.Suspended, stillWaiting.Status);
        var child = await engine.InstanceAsync(childId);
        var parent = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal(InstanceStatus.Finished, child.Status);
        Assert.Equal(InstanceStatus.Finished, parent.Status);
        Assert.Equal("您好，王阿姨", parent.State.Variables["greeting"]!.GetValue<string>());
        Assert.Equal("您好，王阿姨", parent.State.Variables["result"]!["greeting"]!.GetValue<string>());
        Assert.Equal(childId.ToString(), parent.State.Outputs["run"]!["instanceId"]!.GetValue<string>());
        // The child's end reached the parent through its inbox: a signal row written with the child's last step.
        await using var db = engine.Database.CreateContext();
        var signal = await db.Signals.SingleAsync(s => s.InstanceId == started.InstanceId);
        Assert.Equal((ActivityContext.ChildEndedSignal, childId.ToString()), (signal.Name, signal.Correlation));
        Assert.NotNull(signal.DeliveredAt);
    }

    [Fact]
    public async Task Execute_ChildWithoutAWait_FinishesInTheParentsStep()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(QuickGreeting);
        await engine.PublishAsync(Parent(Literal("quick-greeting")));

        var started = await StartParentAsync(engine, Dalong);

        Assert.Equal(InstanceStatus.Finished, started.Status);
        var parent = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal("您好，王阿姨", parent.State.Variables["greeting"]!.GetValue<string>());
        var childId = Guid.Parse(parent.State.Outputs["run"]!["instanceId"]!.GetValue<string>());
        Assert.Equal(InstanceStatus.Finished, (await engine.InstanceAsync(childId)).Status);
        await using var db = engine.Database.CreateContext();
        Assert.False(await db.Signals.AnyAsync());
    }

    [Fact]
    public async Task Execute_AnotherCommunitysWorkflow_IsRefusedAndStartsNothing()
    {
        await using var engine = await TestEngine.CreateAsync();
        var own = await engine.Definitions.SaveDraftAsync(QuickGreeting, null, Wenhua, CancellationToken.None);
        await engine.Definitions.PublishAsync(own.DefinitionId, own.Version, own.ETag, CancellationToken.None);
        // Named by a script, the child is only known when the activity runs.
        await engine.PublishAsync(Parent("""{ "type": "scriban", "value": "{{ input.child }}" }"""));

        var started = await StartParentAsync(engine, Dalong, input: new JsonObject { ["who"] = "王阿姨", ["child"] = "quick-greeting" });

        Assert.Equal(InstanceStatus.Faulted, started.Status);
        var incident = Assert.Single(await engine.IncidentsAsync(started.InstanceId));
        Assert.Equal(("run", "run-workflow-other-community"), (incident.ActivityId, incident.Code));
        Assert.Contains("another community", incident.Message, StringComparison.Ordinal);
        var page = await engine.Queries.ListAsync("quick-greeting", null, null, null, null, 0, 10, CancellationToken.None);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Execute_TheCommunitysOwnWorkflow_RunsInThatCommunity()
    {
        await using var engine = await TestEngine.CreateAsync();
        var own = await engine.Definitions.SaveDraftAsync(QuickGreeting, null, Wenhua, CancellationToken.None);
        await engine.Definitions.PublishAsync(own.DefinitionId, own.Version, own.ETag, CancellationToken.None);
        var parent = await engine.Definitions.SaveDraftAsync(Parent(Literal("quick-greeting")), null, Wenhua, CancellationToken.None);
        await engine.Definitions.PublishAsync(parent.DefinitionId, parent.Version, parent.ETag, CancellationToken.None);

        var started = await StartParentAsync(engine, Wenhua);

        Assert.Equal(InstanceStatus.Finished, started.Status);
    }

    [Fact]
    public async Task SaveDraft_UnknownWorkflow_IsAValidationErrorAtTheField()
    {
        await using var engine = await TestEngine.CreateAsync();

        var refused = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Definitions.SaveDraftAsync(Parent(Literal("no-such-workflow")), null, CancellationToken.None));

        Assert.Equal("invalid-definition", refused.Code);
        var problem = Assert.Single(refused.Problems!);
        Assert.Equal(("run-workflow-unknown-definition", "activities[run].inputs.definitionId", "run", "definitionId"),
            (problem.Code, problem.Path, problem.ActivityId, problem.Input));
    }

    [Fact]
    public async Task SaveDraft_OtherCommunitysWorkflowOrMissingInput_AreValidationErrors()
    {
        await using var engine = await TestEngine.CreateAsync();
        var own = await engine.Definitions.SaveDraftAsync(SlowGreeting, null, Wenhua, CancellationToken.None);
        await engine.Definitions.PublishAsync(own.DefinitionId, own.Version, own.ETag, CancellationToken.None);
        await engine.PublishAsync(QuickGreeting);
        var withoutInputs = Parent(Literal("quick-greeting"), "parent-two").Replace("""{ "who": "input.who" }""", """{ "whom": "input.who" }""", StringComparison.Ordinal);

        var otherCommunity = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Definitions.SaveDraftAsync(Parent(Literal("slow-greeting")), null, Dalong, CancellationToken.None));
        var badInputs = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Definitions.SaveDraftAsync(withoutInputs, null, Dalong, CancellationToken.None));

        Assert.Equal("run-workflow-other-community", Assert.Single(otherCommunity.Problems!).Code);
        Assert.Equal(["run-workflow-missing-input", "run-workflow-unknown-input"], badInputs.Problems!.Select(p => p.Code).Order());
    }

    [Fact]
    public async Task SaveDraft_ItselfOrInputsNotAnObject_AreValidationErrors()
    {
        await using var engine = await TestEngine.CreateAsync();
        var notAnObject = Parent(Literal("parent")).Replace("""{ "who": "input.who" }""", "[\"input.who\"]", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => engine.Definitions.SaveDraftAsync(notAnObject, null, CancellationToken.None));
        var itself = await Assert.ThrowsAsync<WorkflowException>(() => engine.Definitions.SaveDraftAsync(Parent(Literal("parent")), null, CancellationToken.None));

        Assert.Equal("run-workflow-inputs-object", Assert.Single(refused.Problems!).Code);
        Assert.Equal("run-workflow-self", Assert.Single(itself.Problems!).Code);
    }

    [Fact]
    public async Task Resume_ChildFaultsLater_ParentHasAnIncidentNamingTheChild()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(Faulty("faulty", "1h"));
        await engine.PublishAsync(Parent(Literal("faulty")).Replace("""{ "who": "input.who" }""", "{}", StringComparison.Ordinal));

        var started = await StartParentAsync(engine, Dalong);
        var childId = ChildOf(await engine.InstanceAsync(started.InstanceId));
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(InstanceStatus.Faulted, (await engine.InstanceAsync(childId)).Status);
        Assert.Equal(InstanceStatus.Faulted, (await engine.InstanceAsync(started.InstanceId)).Status);
        var incident = Assert.Single(await engine.IncidentsAsync(started.InstanceId));
        Assert.Equal(("run", "run-workflow-child-faulted"), (incident.ActivityId, incident.Code));
        Assert.Contains(childId.ToString(), incident.Message, StringComparison.Ordinal);
        Assert.Contains("'mail'", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ChildFaultsInItsFirstStep_ParentHasAnIncidentAndTheChildStays()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(Faulty("faulty-now", "0s"));
        await engine.PublishAsync(Parent(Literal("faulty-now")).Replace("""{ "who": "input.who" }""", "{}", StringComparison.Ordinal));

        var started = await StartParentAsync(engine, Dalong);

        Assert.Equal(InstanceStatus.Faulted, started.Status);
        var incident = Assert.Single(await engine.IncidentsAsync(started.InstanceId));
        Assert.Equal("run-workflow-child-faulted", incident.Code);
        var childId = ChildOf(await engine.InstanceAsync(started.InstanceId));
        var child = await engine.InstanceAsync(childId);
        Assert.Equal(InstanceStatus.Faulted, child.Status);
        Assert.Equal("activity-no-recipient", Assert.Single(await engine.IncidentsAsync(childId)).Code);
    }

    [Fact]
    public async Task Resume_ChildCancelled_ParentHasAnIncident()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(SlowGreeting);
        await engine.PublishAsync(Parent(Literal("slow-greeting")));
        var started = await StartParentAsync(engine, Dalong);
        var childId = ChildOf(await engine.InstanceAsync(started.InstanceId));

        await engine.Runtime.CancelAsync(childId, null, CancellationToken.None);

        Assert.Equal("run-workflow-child-cancelled", Assert.Single(await engine.IncidentsAsync(started.InstanceId)).Code);
    }

    [Fact]
    public async Task Cancel_ParentCancelled_ItsWaitingChildIsCancelledToo()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(SlowGreeting);
        await engine.PublishAsync(Parent(Literal("slow-greeting")));
        var started = await StartParentAsync(engine, Dalong);
        var childId = ChildOf(await engine.InstanceAsync(started.InstanceId));

        await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, (await engine.InstanceAsync(childId)).Status);
        Assert.Empty(await engine.TimersAsync(childId));
        // The parent's step queued the cancellation for the child as a row; it was delivered after the parent's commit.
        await using var db = engine.Database.CreateContext();
        var signal = await db.Signals.SingleAsync(s => s.InstanceId == childId);
        Assert.Equal((ActivityContext.ParentCancelledSignal, started.InstanceId.ToString()), (signal.Name, signal.Correlation));
        Assert.NotNull(signal.DeliveredAt);
        // Nothing fires two hours later: the child's delay went with it.
        await engine.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Equal(InstanceStatus.Cancelled, (await engine.InstanceAsync(childId)).Status);
    }

    [Fact]
    public async Task Cancel_SomeoneElsesCancellationSignal_IsNotTaken()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(SlowGreeting);
        await engine.PublishAsync(Parent(Literal("slow-greeting")));
        var started = await StartParentAsync(engine, Dalong);
        var childId = ChildOf(await engine.InstanceAsync(started.InstanceId));

        // Only the child's own parent may cancel it this way: the same signal naming another instance waits unused.
        await engine.Runtime.QueueSignalAsync(childId, ActivityContext.ParentCancelledSignal, Guid.NewGuid().ToString(), null, null, CancellationToken.None);

        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(childId)).Status);
        await engine.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(InstanceStatus.Finished, (await engine.InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task Execute_UnpublishedWorkflowNamedByAScript_IsAnIncident()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(Parent("""{ "type": "scriban", "value": "{{ input.child }}" }"""));

        var started = await StartParentAsync(engine, Dalong, input: new JsonObject { ["who"] = "王阿姨", ["child"] = "missing" });

        Assert.Equal("run-workflow-unknown", Assert.Single(await engine.IncidentsAsync(started.InstanceId)).Code);
    }
}
