using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>
/// An Elsa 3 flowchart export written by hand (Workflows/ElsaImport/residents-approval.elsa.json: start, set variable,
/// fork, send email, event, join, decision, switch, timer, delay, end, and one HTTP request, which has no counterpart
/// here) imported through the API as a draft, published and run to its end on a real SMTP server and the fake clock.
/// </summary>
public sealed class ElsaImportTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly string ExportPath =
        Path.Combine(TestPaths.RepositoryRoot, "tests", "Deliberation.Host.Tests", "Workflows", "ElsaImport", "residents-approval.elsa.json");

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = Asking.AskRuns.HostMailingTo(smtp);
        _staff = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        await _host.DisposeAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Import_HandWrittenElsaExport_DraftValidatesRunsToTheEndAndListsTheUnsupportedActivity()
    {
        var response = await _staff.PostAsync("/api/workflows/import/elsa", Json(await File.ReadAllTextAsync(ExportPath)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)answer["version"]!["definitionId"]!;
        Assert.StartsWith("elsa-residentsapproval", id, StringComparison.Ordinal);
        Assert.False((bool)answer["version"]!["isPublished"]!);
        Assert.Equal((14, 13), ((int)answer["activitiesRead"]!, (int)answer["activitiesImported"]!));
        var notes = answer["notes"]!.AsArray().Select(n => n!.AsObject()).ToList();
        // The HTTP request is listed with its id and type, and so is each connection to and from it.
        var unsupported = Assert.Single(notes, n => (string)n["code"]! == "unsupported-activity");
        Assert.Equal(("Report", "Elsa.SendHttpRequest", true), ((string)unsupported["activityId"]!, (string)unsupported["elsaType"]!, (bool)unsupported["skipped"]!));
        Assert.Equal(["Enough:False → Report", "Report:Done → End1"],
            notes.Where(n => (string)n["code"]! == "connection-dropped").Select(n => (string)n["detail"]!).Order(StringComparer.Ordinal));
        Assert.Contains(notes, n => (string)n["code"]! == "timer-waits-once" && (string)n["activityId"]! == "Timer1");
        Assert.Contains(notes, n => (string)n["code"]! == "email-field-dropped" && (string)n["detail"]! == "from");
        Assert.Equal(6, notes.Count(n => (string)n["code"]! == "script-translated"));

        // The draft is a workflow like any other: it validates as saved, and the designer opens it.
        var draft = (await _staff.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        var document = draft["definition"]!.ToJsonString();
        var validation = await (await _staff.PostAsync("/api/workflows/validate", Json(document))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((bool)validation!["valid"]!, validation.ToJsonString());
        var activities = draft["definition"]!["activities"]!.AsArray();
        Assert.DoesNotContain(activities, a => (string)a!["id"]! == "Report");
        Assert.Equal("vars.votes >= 3 && vars.approved == false",
            (string)activities.Single(a => (string)a!["id"]! == "Enough")!["inputs"]!["condition"]!["value"]!);

        // Published and run: the email goes out, the event resumes the join, the switch carries, timer and delay wait.
        Assert.Equal(HttpStatusCode.OK, (await _staff.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).StatusCode);
        var resident = $"resident-{_run}@example.com";
        var started = await _staff.PostAsJsonAsync("/api/instances", new { definitionId = id, input = new { Email = resident, Topic = "加装电梯" } });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var instanceId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;
        var ask = await EmailedLinks.ReceiveAsync(smtp, Dispatcher, resident, "征询：加装电梯");
        Assert.Contains("请在楼栋群里回复您的意见。", ask.TextBody, StringComparison.Ordinal);
        Assert.Equal(["Answered"], await WaitingAsync(instanceId));

        Assert.Equal(HttpStatusCode.OK, (await _staff.PostAsync($"/api/instances/{instanceId}/signals/residents-answered", null)).StatusCode);
        Assert.Equal(["Timer1"], await WaitingAsync(instanceId));
        await AdvanceAndPumpAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(["Delay1"], await WaitingAsync(instanceId));
        await AdvanceAndPumpAsync(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(["Delay1"], await WaitingAsync(instanceId));
        await AdvanceAndPumpAsync(TimeSpan.FromSeconds(1));

        var result = await EmailedLinks.ReceiveAsync(smtp, Dispatcher, "committee@elsa.example", "征询结果：通过");
        Assert.Contains("同意票数：3", result.TextBody, StringComparison.Ordinal);
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        Assert.True((bool)instance["variables"]!["approved"]!);
        Assert.Empty(instance["incidents"]!.AsArray());
    }

    [Fact]
    public async Task Import_TwiceTheSameFile_MakesASecondDraftAndLeavesTheFirstAlone()
    {
        var export = await File.ReadAllTextAsync(ExportPath);
        var first = (await (await _staff.PostAsync("/api/workflows/import/elsa", Json(export))).Content.ReadFromJsonAsync<JsonObject>())!;
        var second = (await (await _staff.PostAsync("/api/workflows/import/elsa", Json(export))).Content.ReadFromJsonAsync<JsonObject>())!;

        var firstId = (string)first["version"]!["definitionId"]!;
        Assert.Equal(firstId + "-2", (string)second["version"]!["definitionId"]!);
        Assert.Single((await _staff.GetFromJsonAsync<JsonArray>($"/api/workflows/{firstId}/versions"))!);
    }

    [Theory]
    [InlineData("{ \"root\": { \"type\": \"Elsa.Flowchart\", \"activities\": [ }", "elsa-malformed-json")]
    [InlineData("{ \"id\": \"x\", \"activities\": [] }", "elsa-not-flowchart")]
    [InlineData("{ \"root\": { \"type\": \"Elsa.Sequence\", \"activities\": [] } }", "elsa-not-flowchart")]
    public async Task Import_NotAnElsaFlowchart_RefusedWithCodeInChineseAndSavesNothing(string body, string code)
    {
        var before = (await _staff.GetFromJsonAsync<JsonArray>("/api/workflows"))!.Count;

        var response = await _staff.PostAsync("/api/workflows/import/elsa", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string)problem["code"]!);
        Assert.Contains("未导入", (string)problem["title"]!, StringComparison.Ordinal);
        Assert.Equal(before, (await _staff.GetFromJsonAsync<JsonArray>("/api/workflows"))!.Count);
    }

    [Fact]
    public async Task Import_RequiredInputOnlyInAnUntranslatableScript_RefusedWithTheReportAndSavesNothing()
    {
        const string export = """
            { "definitionId": "Broken", "root": { "type": "Elsa.Flowchart", "activities": [
                { "id": "Start1", "type": "Elsa.Start" },
                { "id": "Wait1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "JavaScript", "value": "buildName(1)" } } } ],
              "connections": [ { "source": "Start1", "sourcePort": "Done", "target": "Wait1", "targetPort": "In" } ] } }
            """;

        var response = await _staff.PostAsync("/api/workflows/import/elsa", Json(export));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("elsa-import-invalid", (string)problem["code"]!);
        Assert.Contains(problem["notes"]!.AsArray(), n => (string)n!["code"]! == "script-not-translated" && (string)n["activityId"]! == "Wait1");
        Assert.Contains(problem["problems"]!.AsArray(), p => (string)p!["path"]! == "activities[Wait1].inputs.signal");
        Assert.Equal(HttpStatusCode.NotFound, (await _staff.GetAsync("/api/workflows/elsa-broken")).StatusCode);
    }

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    private async Task AdvanceAndPumpAsync(TimeSpan by)
    {
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    private async Task<string[]> WaitingAsync(string instanceId)
    {
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return [.. instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).Order(StringComparer.Ordinal)];
    }
}
