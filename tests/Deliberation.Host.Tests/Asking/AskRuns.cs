using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Asking;

/// <summary>Running the asking workflows the tests define: a host mailing through the test SMTP server, publishing and starting, what an instance waits in.</summary>
public static class AskRuns
{
    /// <summary>A host whose mail goes to <paramref name="smtp"/>.</summary>
    public static HostFactory HostMailingTo(SmtpServer smtp) => new()
    {
        Settings =
        {
            ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
            ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Deliberation:Mail:SmtpSecurity"] = "None",
        },
    };

    /// <summary>Publishes the definition (when given) and starts an instance of it in <paramref name="community"/>.</summary>
    public static async Task<string> StartAsync(HttpClient staff, Guid community, string? definition, string id, object input)
    {
        if (definition is not null)
        {
            var saved = await staff.PutAsync($"/api/workflows/{id}", new StringContent(definition, Encoding.UTF8, "application/json"));
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            var published = await staff.PostAsync($"/api/workflows/{id}/versions/1/publish", null);
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }
        var response = await staff.PostAsJsonAsync("/api/instances", new { definitionId = id, input, communityId = community });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (string)JsonNode.Parse(text)!["instanceId"]!;
    }

    /// <summary>The ids of the activities the instance waits in; it has no incident.</summary>
    public static async Task<string[]> WaitingAsync(HttpClient staff, string instanceId)
    {
        var instance = (await staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).ToArray();
    }
}
