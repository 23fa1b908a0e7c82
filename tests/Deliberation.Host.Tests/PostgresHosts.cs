using System.Globalization;
using System.Net;
using System.Text;

namespace Deliberation.Host.Tests;

/// <summary>What the tests that run real host processes on the private PostgreSQL cluster share: their settings and publishing a workload.</summary>
public static class PostgresHosts
{
    /// <summary>
    /// Settings for a host process on <paramref name="database"/> of <paramref name="cluster"/>: the test accounts, PostgreSQL,
    /// and when given the SMTP server (plain, on loopback); <paramref name="extra"/> last, so that it overrides.
    /// </summary>
    public static KeyValuePair<string, string>[] Settings(PostgresCluster cluster, string database, SmtpServer? smtp = null,
        params KeyValuePair<string, string>[] extra) =>
    [
        .. TestAccounts.Settings,
        new("Deliberation:Database:Provider", "PostgreSql"),
        new("Deliberation:Database:ConnectionString", cluster.ConnectionString(database)),
        .. smtp is null ? [] : new KeyValuePair<string, string>[]
        {
            new("Deliberation:Mail:SmtpHost", "127.0.0.1"),
            new("Deliberation:Mail:SmtpPort", smtp.Port.ToString(CultureInfo.InvariantCulture)),
            new("Deliberation:Mail:SmtpSecurity", "None"),
        },
        .. extra,
    ];

    /// <summary>Saves <paramref name="json"/> as workflow <paramref name="id"/> and publishes its first version.</summary>
    public static async Task PublishAsync(HttpClient staff, string id, string json)
    {
        var saved = await staff.PutAsync($"/api/workflows/{id}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var published = await staff.PostAsync($"/api/workflows/{id}/versions/1/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
    }
}
