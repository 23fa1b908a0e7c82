using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;
using Deliberation.Integrations.Scripting;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

/// <summary>A loop with no wait in it stops at the step budget as an incident, instead of running for ever in one request.</summary>
[Trait("Category", "Security")]
public sealed class WorkflowRuntimeStepBudgetTests
{
    private const string WaitFreeCycle = """
        {
          "id": "wait-free-cycle",
          "variables": [ { "name": "n", "default": 0 } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "count", "type": "SetVariable", "inputs": {
                "variable": { "type": "literal", "value": "n" },
                "value": { "type": "scriban", "value": "vars.n + 1" } } },
            { "id": "again", "type": "SetVariable", "inputs": {
                "variable": { "type": "literal", "value": "n" },
                "value": { "type": "scriban", "value": "vars.n + 1" } } }
          ],
          "connections": [
            { "source": "start", "target": "count" },
            { "source": "count", "target": "again" },
            { "source": "again", "target": "count" }
          ]
        }
        """;

    [Fact]
    public async Task WaitFreeCycle_StopsAtTheBudget_AsAnIncidentWithItsCode_AndARetryGoesOnFromThere()
    {
        await using var engine = await TestEngine.CreateAsync();
        await engine.PublishAsync(WaitFreeCycle);
        var runtime = new WorkflowRuntime(engine.Store, engine.Definitions, new ExpressionEvaluator(new ScribanScriptEvaluator()), engine.Time, maxActivitiesPerStep: 50);

        var report = await runtime.StartAsync(new StartRequest("wait-free-cycle", null, null, null, null), CancellationToken.None);

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        var incident = Assert.Single(await engine.IncidentsAsync(report.InstanceId));
        Assert.Equal("step-budget", incident.Code);
        Assert.Contains("50", incident.Message, StringComparison.Ordinal);
        var instance = await engine.InstanceAsync(report.InstanceId);
        // Start and 49 rounds of the loop ran, each once: n counts them; nothing ran past the budget.
        Assert.Equal(49, (int)instance.State.Variables["n"]!);
        Assert.Equal(50, (await engine.JournalAsync(report.InstanceId)).Count(j => j.Kind == JournalKinds.ActivityStarted));

        // Retried, the step has a budget of its own again and stops at it again: the loop never ends, the host never hangs.
        var retried = await runtime.RetryIncidentAsync(report.InstanceId, incident.Id, CancellationToken.None);
        Assert.Equal(InstanceStatus.Faulted, retried.Status);
        Assert.Equal(99, (int)(await engine.InstanceAsync(report.InstanceId)).State.Variables["n"]!);
    }

    [Fact]
    public async Task HugeValue_BuiltByAScript_IsAnIncidentWithItsCode_AndIsNotStored()
    {
        await using var engine = await TestEngine.CreateAsync();
        var report = await engine.PublishAndStartAsync("""
            {
              "id": "huge-value",
              "variables": [ { "name": "big", "default": "small" } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "grow", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "big" },
                    "value": { "type": "scriban", "value": "'x' | string.pad_right 300000" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [ { "source": "start", "target": "grow" }, { "source": "grow", "target": "end" } ]
            }
            """);

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        var incident = Assert.Single(await engine.IncidentsAsync(report.InstanceId));
        Assert.Equal(("grow", "value-too-large"), (incident.ActivityId, incident.Code));
        Assert.Equal("small", (string)(await engine.InstanceAsync(report.InstanceId)).State.Variables["big"]!);
    }
}
