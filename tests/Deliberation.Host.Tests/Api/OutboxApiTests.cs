using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Api;

[Trait("Category", "Deliberation")]
public sealed class OutboxApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task List_UnknownStatus_Answers400ProblemNamingTheField()
    {
        var response = await _client.GetAsync("/api/outbox?status=lost");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("bad-request", (string)problem!["code"]!);
        Assert.NotNull(problem["errors"]!["status"]);
    }

    [Fact]
    public async Task List_Sent_ShowsDeliveredMessagesWithoutTheirPayload()
    {
        var started = await _client.PostAsJsonAsync("/api/instances",
            new { definitionId = "sample-reminder", input = new { email = "resident@example.com", topic = "小区停车", remindAfter = "24h" } });
        var instanceId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;

        await host.Services.GetRequiredService<Deliberation.Integrations.Outbox.OutboxDispatcher>().DispatchDueAsync(100, CancellationToken.None);
        var sent = await _client.GetFromJsonAsync<JsonArray>("/api/outbox?status=sent");
        var entry = sent!.FirstOrDefault(o => (string?)o!["instanceId"] == instanceId);

        Assert.NotNull(entry);
        Assert.NotNull(entry["sentAt"]);
        Assert.Equal(1, (int)entry["attempts"]!);
        Assert.False(entry.AsObject().ContainsKey("payload"));
        Assert.DoesNotContain("resident@example.com", entry.ToJsonString());
    }
}
