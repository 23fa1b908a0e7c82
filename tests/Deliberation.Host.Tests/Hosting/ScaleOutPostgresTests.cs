using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Participation;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>
/// Two host processes on one PostgreSQL database, each on its own port and data folder: they share the link-signing key
/// and Data Protection's key ring through the database, so a link made by one opens and is answered on the other, and
/// a sign-in on one is accepted by the other.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class ScaleOutPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IDisposable
{
    private readonly string _dataOne = TestPaths.NewTempFolder();
    private readonly string _dataTwo = TestPaths.NewTempFolder();

    public void Dispose()
    {
        foreach (var folder in new[] { _dataOne, _dataTwo })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private async Task<(HostProcess One, HostProcess Two, string ConnectionString)> StartTwoHostsAsync(string database,
        params KeyValuePair<string, string>[] extra)
    {
        await cluster.CreateDatabaseAsync(database);
        var connectionString = cluster.ConnectionString(database);
        var settings = PostgresHosts.Settings(cluster, database, extra: extra);
        var one = await HostProcess.StartAsync(_dataOne, settings);
        try
        {
            return (one, await HostProcess.StartAsync(_dataTwo, settings), connectionString);
        }
        catch
        {
            await one.DisposeAsync();
            throw;
        }
    }

    private static readonly string AdminNormalizedEmail = TestAccounts.AdminEmail.ToUpperInvariant();

    [Fact]
    public async Task TwoHosts_StartingTogether_OnAnEmptyDatabase_BothStart_WithOneAdministrator_AndEachWorkflowImportedOnce()
    {
        await cluster.CreateDatabaseAsync("deliberation_scaleout_first_start");
        var connectionString = cluster.ConnectionString("deliberation_scaleout_first_start");
        // As the README's two-host recipe: Hangfire's jobs in the database too, whose tables the hosts also install together.
        var settings = PostgresHosts.Settings(cluster, "deliberation_scaleout_first_start", extra: new KeyValuePair<string, string>("Deliberation:Hangfire:Storage", "PostgreSql"));
        // Both migrate, install Hangfire's tables, make the shared keys, create the administrator and import workflows/ at the same moment.
        var starting = new[] { HostProcess.StartAsync(_dataOne, settings), HostProcess.StartAsync(_dataTwo, settings) };
        HostProcess[] hosts;
        try
        {
            hosts = await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully)) await (await started).DisposeAsync();
            throw;
        }
        await using var one = hosts[0];
        await using var two = hosts[1];
        foreach (var host in new[] { one, two })
        {
            using var client = host.CreateAnonymousClient();
            await TestAccounts.SignInAsync(client);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workflows")).StatusCode);
        }

        using var database = new DeliberationDatabase(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = connectionString });
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == AdminNormalizedEmail));
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "workflows"), "*.json").Length;
        var imported = await db.Definitions.GroupBy(d => d.DefinitionId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(files, imported.Count);
        Assert.All(imported, versions => Assert.Equal(1, versions));
        // One Data Protection key, made under the advisory lock: a cookie from either host opens on the other.
        Assert.Single(await db.DataProtectionKeys.ToListAsync());
        // Neither start-up failed on the way (Hangfire's installer, run by both at once, logged "could not find tuple for constraint").
        Assert.All(new[] { one, two }, host => Assert.DoesNotContain("fail:", host.Output, StringComparison.Ordinal));
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.schema").SingleAsync());
    }

    [Fact]
    public async Task TaskLink_MadeByHostOne_OpensAndIsAnsweredOnHostTwo()
    {
        var (one, two, connectionString) = await StartTwoHostsAsync("deliberation_scaleout_links");
        await using var _ = one;
        await using var __ = two;
        using var database = new DeliberationDatabase(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = connectionString });
        var community = new Community { Id = Guid.NewGuid(), Code = "scaleout", Name = "大龙社区", CreatedAt = DateTimeOffset.UtcNow };
        var person = new Person { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "王芳", CreatedAt = DateTimeOffset.UtcNow };
        await using (var db = database.CreateContext(tracking: true))
        {
            db.Communities.Add(community);
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        using var staff = one.CreateAnonymousClient();
        await TestAccounts.SignInAsync(staff);
        var created = await staff.PostAsJsonAsync($"/api/communities/{community.Id}/tasks", new
        {
            personId = person.Id, purpose = TaskPurposes.Ballot, title = "5号楼加装电梯方案表决",
            data = JsonNode.Parse("""{"options":[{"value":"a","label":"同意"},{"value":"b","label":"不同意"}]}"""),
            closesAt = DateTimeOffset.UtcNow.AddDays(7),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var taskId = Guid.Parse((string)body["taskId"]!);
        var link = new Uri((string)body["link"]!);
        Assert.Equal(one.Address.Port, link.Port);
        using var resident = two.CreateAnonymousClient();

        var page = await resident.GetAsync(link.AbsolutePath);
        var answer = await resident.PostAsync(link.AbsolutePath, new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", "a")]));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("5号楼加装电梯方案表决", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("已记录您的答复", await answer.Content.ReadAsStringAsync());
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.TaskAnswers.CountAsync(a => a.TaskId == taskId));
        Assert.Equal(1, await check.Secrets.CountAsync());
    }

    [Fact]
    public async Task SignIn_OnOneHost_IsAcceptedByTheOther_CookieAndBearerToken()
    {
        var (one, two, _) = await StartTwoHostsAsync("deliberation_scaleout_auth");
        await using var _ = one;
        await using var __ = two;
        // Cookies are handled by hand: a cookie container would hand host one's cookie to host two by itself (same host name).
        using var handler = new HttpClientHandler { UseCookies = false };
        using var browser = new HttpClient(handler) { BaseAddress = one.Address, Timeout = TimeSpan.FromSeconds(30) };

        var cookieLogin = await browser.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.AdminEmail, password = TestAccounts.AdminPassword, useCookies = true });
        var cookie = cookieLogin.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("deliberation.auth=", StringComparison.Ordinal));
        using var meOnTwo = new HttpRequestMessage(HttpMethod.Get, new Uri(two.Address, "/api/auth/me"));
        meOnTwo.Headers.Add("Cookie", cookie);
        var cookieOnTwo = await browser.SendAsync(meOnTwo);

        using var apiClient = two.CreateAnonymousClient();
        await TestAccounts.SignInAsync(apiClient);
        using var meOnOne = new HttpRequestMessage(HttpMethod.Get, new Uri(one.Address, "/api/auth/me"));
        meOnOne.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiClient.DefaultRequestHeaders.Authorization!.Parameter);
        var bearerOnOne = await browser.SendAsync(meOnOne);

        Assert.Equal(HttpStatusCode.OK, cookieLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cookieOnTwo.StatusCode);
        Assert.Equal(TestAccounts.AdminEmail, (string?)(await cookieOnTwo.Content.ReadFromJsonAsync<JsonObject>())!["email"]);
        Assert.Equal(HttpStatusCode.OK, bearerOnOne.StatusCode);
        Assert.Equal(TestAccounts.AdminEmail, (string?)(await bearerOnOne.Content.ReadFromJsonAsync<JsonObject>())!["email"]);
    }

    [Fact]
    public async Task WrongPasswords_SpreadOverBothHosts_AreCountedTogether_AndBothMakeThatAddressWait()
    {
        // The tests' settings allow endless failures; this one restores the real limit of five.
        var (one, two, _) = await StartTwoHostsAsync("deliberation_scaleout_throttle", new KeyValuePair<string, string>("Deliberation:Auth:FailuresPerAccount", "5"));
        await using var _ = one;
        await using var __ = two;
        using var clientOne = one.CreateAnonymousClient();
        using var clientTwo = two.CreateAnonymousClient();
        var wrong = new { email = TestAccounts.AdminEmail, password = "not-the-password", useCookies = false };

        // Three wrong passwords through one host, two through the other, as a balancer would spread them.
        foreach (var client in new[] { clientOne, clientTwo, clientOne, clientTwo, clientOne })
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", wrong)).StatusCode);
        var right = new { email = TestAccounts.AdminEmail, password = TestAccounts.AdminPassword, useCookies = false };
        var onTwo = await clientTwo.PostAsJsonAsync("/api/auth/login", right);
        var onOne = await clientOne.PostAsJsonAsync("/api/auth/login", right);

        Assert.Equal(HttpStatusCode.TooManyRequests, onTwo.StatusCode);
        Assert.Equal("too-many-sign-ins", (string?)(await onTwo.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
        Assert.True(onTwo.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Equal(HttpStatusCode.TooManyRequests, onOne.StatusCode);
    }
}
