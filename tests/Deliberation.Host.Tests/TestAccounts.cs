using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests;

/// <summary>The administrator every test host is started with, and signing in as anyone.</summary>
public static class TestAccounts
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "correct-horse-battery";

    /// <summary>Settings that create the administrator and keep tokens valid however far a test moves the fake clock.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Deliberation:Auth:AdminEmail", AdminEmail),
        new("Deliberation:Auth:AdminPassword", AdminPassword),
        new("Deliberation:Auth:SessionLifetime", "3650.00:00:00"),
        // Every test signs in from the same loopback address, far more often than a person would.
        new("Deliberation:Auth:SignInsPerMinute", "100000"),
        new("Deliberation:Auth:FailuresPerAccount", "100000"),
        // And opens answer pages from it far more often than anyone would.
        new("Deliberation:Links:RequestsPerMinute", "100000"),
    ];

    /// <summary>Signs in for a bearer token and puts it on the client.</summary>
    public static async Task SignInAsync(HttpClient client, string email = AdminEmail, string password = AdminPassword)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password, useCookies = false });
        response.EnsureSuccessStatusCode();
        var token = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Creates a building head of the community (through the administrator's client) and returns a client signed in as them.</summary>
    public static async Task<HttpClient> BuildingHeadAsync(HostFactory host, HttpClient admin, Guid community, string run)
    {
        const string password = "a-long-enough-password";
        var email = $"head-{run}@test.local";
        var account = await admin.PostAsJsonAsync("/api/users", new
        {
            email, displayName = "楼长", password, roles = new[] { "BuildingHead" }, communityIds = new[] { community },
        });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        var client = host.CreateAnonymousClient();
        await SignInAsync(client, email, password);
        return client;
    }
}
