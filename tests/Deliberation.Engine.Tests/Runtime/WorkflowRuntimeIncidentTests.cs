using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Tests.Support;

namespace Deliberation.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeIncidentTests
{
    // The notice goes out as soon as the instance starts, but the address only comes with the
    // "contact" signal in the other branch: the email faults until then, and a retry can succeed.
    private const string NoticeNeedsAddress = """
        {
          "id": "notice-needs-address",
          "variables": [ { "name": "email" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "fork", "type": "Fork", "inputs": { "branches": { "type": "literal", "value": ["contact", "notice"] } } },
            { "id": "askContact", "type": "WaitForSignal", "inputs": {
                "signal": { "type": "literal", "value": "contact" },
                "resultVariable": { "type": "literal", "value": "email" } } },
            { "id": "notify", "type": "SendEmail", "inputs": {
                "to": { "type": "scriban", "value": "vars.email" },
                "subject": { "type": "literal", "value": "Hearing notice" },
                "body": { "type": "literal", "value": "The hearing is on Monday." } } },
            { "id": "join", "type": "Join" },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "fork" },
            { "source": "fork", "sourcePort": "contact", "target": "askContact" },
            { "source": "fork", "sourcePort": "notice", "target": "notify" },
            { "source": "askContact", "sourcePort": "Received", "target": "join" },
            { "source": "notify", "target": "join" },
            { "source": "join", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task StartAsync_ActivityFaults_InstanceFaultedWithOpenIncident()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync(NoticeNeedsAddress);

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        var incident = Assert.Single(await engine.IncidentsAsync(report.InstanceId));
        Assert.Equal(incident.Id, Assert.Single(report.OpenIncidents));
        Assert.Equal("notify", incident.ActivityId);
        Assert.Contains("recipient", incident.Message, StringComparison.Ordinal);
        Assert.Equal("askContact", Assert.Single(report.Waiting).ActivityId);
        Assert.Contains(await engine.JournalAsync(report.InstanceId), j => j.Kind == JournalKinds.ActivityFaulted && j.ActivityId == "notify");
        Assert.Empty(await engine.OutboxAsync(report.InstanceId));
    }

    [Fact]
    public async Task RetryIncidentAsync_CauseFixedBySignal_RerunsActivityAndFinishes()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(NoticeNeedsAddress);
        var incidentId = Assert.Single(started.OpenIncidents);
        var afterSignal = await engine.SignalAsync(started.InstanceId, "contact", "resident@example.org");
        Assert.Equal(InstanceStatus.Faulted, afterSignal.Status);

        var report = await engine.Runtime.RetryIncidentAsync(started.InstanceId, incidentId, CancellationToken.None);

        Assert.Equal(InstanceStatus.Finished, report.Status);
        Assert.Empty(report.OpenIncidents);
        Assert.Single(await engine.OutboxAsync(started.InstanceId));
        Assert.Empty(await engine.IncidentsAsync(started.InstanceId));
        var resolved = Assert.Single(await engine.IncidentsAsync(started.InstanceId, includeResolved: true));
        Assert.Equal("retried", resolved.Resolution);
        Assert.Contains(await engine.JournalAsync(started.InstanceId),
            j => j.Kind == JournalKinds.IncidentRetried && j.ActivityId == "notify" && j.Detail == incidentId.ToString());
    }

    [Fact]
    public async Task RetryIncidentAsync_CauseNotFixed_StaysFaultedWithSameIncident()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(NoticeNeedsAddress);
        var incidentId = Assert.Single(started.OpenIncidents);

        var report = await engine.Runtime.RetryIncidentAsync(started.InstanceId, incidentId, CancellationToken.None);

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        Assert.Equal(incidentId, Assert.Single(report.OpenIncidents));
        Assert.Equal(2, Assert.Single(await engine.IncidentsAsync(started.InstanceId)).Attempts);
    }

    [Fact]
    public async Task RetryIncidentAsync_IncidentAlreadyRetried_ThrowsConflict()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(NoticeNeedsAddress);
        var incidentId = Assert.Single(started.OpenIncidents);
        await engine.SignalAsync(started.InstanceId, "contact", "resident@example.org");
        await engine.Runtime.RetryIncidentAsync(started.InstanceId, incidentId, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<WorkflowException>(() =>
            engine.Runtime.RetryIncidentAsync(started.InstanceId, incidentId, CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task StartAsync_ScribanRuntimeError_RaisesIncidentOnThatActivity()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync("""
            {
              "id": "bad-script",
              "inputs": [ { "name": "households", "type": "json", "required": true } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "check", "type": "If", "inputs": {
                    "condition": { "type": "scriban", "value": "array.size(input.households) > 3" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "check" },
                { "source": "check", "sourcePort": "True", "target": "end" },
                { "source": "check", "sourcePort": "False", "target": "end" }
              ]
            }
            """, new JsonObject { ["households"] = 12 });

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        var incident = Assert.Single(await engine.IncidentsAsync(report.InstanceId));
        Assert.Equal("check", incident.ActivityId);
    }

    [Fact]
    public async Task CancelAsync_FaultedInstance_ClosesTheIncident()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.PublishAndStartAsync(NoticeNeedsAddress);

        var report = await engine.Runtime.CancelAsync(started.InstanceId, null, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, report.Status);
        Assert.Empty(await engine.IncidentsAsync(started.InstanceId));
        Assert.Equal("cancelled", Assert.Single(await engine.IncidentsAsync(started.InstanceId, includeResolved: true)).Resolution);
    }

    [Fact]
    public async Task StartAsync_ScriptDividesByZero_RaisesIncidentInsteadOfFailingTheStep()
    {
        await using var engine = await TestEngine.CreateAsync();

        var report = await engine.PublishAndStartAsync("""
            {
              "id": "share",
              "variables": [ { "name": "yes", "default": 0 }, { "name": "total", "default": 0 }, { "name": "share" } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "compute", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "share" },
                    "value": { "type": "scriban", "value": "vars.yes / vars.total" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "compute" },
                { "source": "compute", "target": "end" }
              ]
            }
            """);

        Assert.Equal(InstanceStatus.Faulted, report.Status);
        Assert.Equal("compute", Assert.Single(await engine.IncidentsAsync(report.InstanceId)).ActivityId);
    }
}
