using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Hosting;

public sealed class HostBasicsTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Health_Answers200()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_ListsTheEndpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "/api/workflows", "/api/workflows/{id}", "/api/workflows/{id}/versions", "/api/workflows/validate",
            "/api/workflows/{id}/versions/{version}/publish", "/api/workflows/{id}/versions/{version}/export",
            "/api/activities", "/api/instances", "/api/instances/{id}", "/api/instances/{id}/journal",
            "/api/instances/{id}/cancel", "/api/instances/{id}/signals/{signal}", "/api/instances/{id}/bookmarks/{bookmarkId}/resume",
        }, paths);
    }

    [Fact]
    public async Task ApiReferencePage_IsServed_WithoutAnythingFromTheInternet()
    {
        var response = await _client.GetAsync("/api-docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString());
        // Every script and stylesheet the page loads is the host's own; no web fonts from a CDN.
        var sources = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(sources, s => Assert.False(s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.StartsWith("//", StringComparison.Ordinal), s));
        Assert.Contains("\"withDefaultFonts\":false", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var script = sources.First(s => s.EndsWith(".js", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri(new Uri("http://localhost/api-docs/"), script).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task StartupImport_SampleWorkflowIsPublished()
    {
        var workflows = await _client.GetFromJsonAsync<JsonArray>("/api/workflows");

        var sample = workflows!.First(w => (string)w!["definitionId"]! == "sample-reminder")!;
        Assert.True((bool)sample["isPublished"]!);
        Assert.Equal("file:sample-reminder.json", (string)sample["source"]!);
    }
}
