using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Api;

public sealed class WorkflowsApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Simple(string id, string subject = "Hello") => $$"""
        {
          "id": "{{id}}",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "mail", "type": "SendEmail", "inputs": {
                "to": { "type": "literal", "value": "a@example.com" },
                "subject": { "type": "literal", "value": "{{subject}}" },
                "body": { "type": "literal", "value": "body" } } }
          ],
          "connections": [ { "source": "start", "sourcePort": "Done", "target": "mail" } ]
        }
        """;

    [Fact]
    public async Task SaveDraft_InvalidDefinition_ListsEveryProblemAndSavesNothing()
    {
        const string invalid = """
            {
              "id": "broken",
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "mystery", "type": "NoSuchActivity" },
                { "id": "wait", "type": "WaitForSignal", "inputs": { "timeout": { "type": "literal", "value": "1h" } } },
                { "id": "check", "type": "If", "inputs": { "condition": { "type": "scriban", "value": "vars.x == (" } } }
              ],
              "connections": [
                { "source": "start", "sourcePort": "Done", "target": "ghost" },
                { "source": "wait", "sourcePort": "Nowhere", "target": "check" }
              ]
            }
            """;

        var response = await _client.PutAsync("/api/workflows/broken", Json(invalid));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var problems = problem!["problems"]!.AsArray().Select(p => ((string)p!["code"]!, (string)p["path"]!)).ToList();
        Assert.Contains(("unknown-activity-type", "activities[mystery].type"), problems);
        Assert.Contains(("missing-activity", "connections[0].target"), problems);
        Assert.Contains(("missing-port", "connections[1].sourcePort"), problems);
        Assert.Contains(("required", "activities[wait].inputs.signal"), problems);
        Assert.Contains(("script-error", "activities[check].inputs.condition"), problems);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/workflows/broken")).StatusCode);
    }

    [Fact]
    public async Task Validate_MalformedJson_ReportsWhere()
    {
        var response = await _client.PostAsync("/api/workflows/validate", Json("{ \"id\": \"x\", \"activities\": [ }"));

        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False((bool)result!["valid"]!);
        Assert.Equal("malformed-json", (string)result["problems"]![0]!["code"]!);
    }

    [Fact]
    public async Task SaveAndPublish_NewVersions_PublishedVersionIsImmutableAndStaleSaveConflicts()
    {
        var v1 = await _client.PutAsync("/api/workflows/versioned", Json(Simple("versioned")));
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        var publish1 = await _client.PostAsync("/api/workflows/versioned/versions/1/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish1.StatusCode);
        var etag = publish1.Headers.ETag!.Tag;

        using var save2 = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/versioned") { Content = Json(Simple("versioned", "Second")) };
        save2.Headers.TryAddWithoutValidation("If-Match", etag);
        var v2 = await _client.SendAsync(save2);
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        Assert.Equal(2, (int)(await v2.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);

        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/versioned") { Content = Json(Simple("versioned", "Third")) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.SendAsync(stale)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync("/api/workflows/versioned/versions/1/publish", null)).StatusCode);
        var v1Doc = await _client.GetFromJsonAsync<JsonObject>("/api/workflows/versioned?version=1");
        Assert.Equal("Hello", (string)v1Doc!["definition"]!["activities"]![1]!["inputs"]!["subject"]!["value"]!);
        var versions = await _client.GetFromJsonAsync<JsonArray>("/api/workflows/versioned/versions");
        Assert.Equal([2, 1], versions!.Select(v => (int)v!["version"]!));
        var export = await _client.GetAsync("/api/workflows/versioned/versions/2/export");
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Second", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RunningInstance_StaysOnItsVersion_WhenANewerOneIsPublished()
    {
        const string waitJson = """
            { "id": "pinned", "activities": [
                { "id": "start", "type": "Start" },
                { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } } ],
              "connections": [ { "source": "start", "sourcePort": "Done", "target": "wait" } ] }
            """;
        await _client.PutAsync("/api/workflows/pinned", Json(waitJson));
        await _client.PostAsync("/api/workflows/pinned/versions/1/publish", null);
        var started = await (await _client.PostAsJsonAsync("/api/instances", new { definitionId = "pinned" })).Content.ReadFromJsonAsync<JsonObject>();
        await _client.PutAsync("/api/workflows/pinned", Json(waitJson.Replace("\"go\"", "\"went\"", StringComparison.Ordinal)));
        await _client.PostAsync("/api/workflows/pinned/versions/2/publish", null);

        var response = await _client.PostAsync($"/api/instances/{started!["instanceId"]}/signals/go", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["definitionVersion"]!);
    }

    [Fact]
    public void EveryWorkflowFile_IsValid()
    {
        var validator = host.Services.GetRequiredService<DefinitionValidator>();
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "workflows"), "*.json");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var problems = validator.Validate(File.ReadAllText(file), out _);
            Assert.True(problems.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
        }
    }

    [Fact]
    public async Task Activities_ListsBuiltInsWithChineseNames()
    {
        var activities = await _client.GetFromJsonAsync<JsonArray>("/api/activities");

        var wait = activities!.First(a => (string)a!["type"]! == "WaitForSignal")!;
        Assert.Equal("等待信号", (string)wait["displayName"]!["zh-CN"]!);
        Assert.Contains("TimedOut", wait["outcomes"]!.AsArray().Select(o => (string)o!));
    }

    [Fact]
    public async Task Signals_ListEachSignalWithTheActionThatSendsItAndItsPayload_InChinese()
    {
        var signals = await _client.GetFromJsonAsync<JsonArray>("/api/activities/signals");

        var planned = signals!.First(s => (string)s!["name"]! == "meeting-planned")!;
        Assert.Equal("会议已安排", (string)planned["displayName"]!["zh-CN"]!);
        Assert.Contains("确定时间", (string)planned["sentWhen"]!["zh-CN"]!, StringComparison.Ordinal);
        Assert.Contains("meetingId", planned["payload"]!.AsArray().Select(f => (string)f!["name"]!));
        var done = signals!.First(s => (string)s!["name"]! == "action-item-done-")!;
        Assert.True((bool)done["isPrefix"]!);
    }
}
