using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Hosting;

[Trait("Category", "Deliberation")]
public sealed class AuthTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _admin = host.CreateClient();

    private async Task<Guid> AddCommunityAsync(string code)
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true);
        var community = new Community { Id = Guid.NewGuid(), Code = code, Name = code + "社区", CreatedAt = host.Time.GetUtcNow() };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community.Id;
    }

    private async Task<HttpClient> AccountAsync(string email, string role, params Guid[] communities)
    {
        var created = await _admin.PostAsJsonAsync("/api/users", new
        {
            email, displayName = email, password = "a-long-enough-password", roles = new[] { role }, communityIds = communities,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = host.CreateAnonymousClient();
        await TestAccounts.SignInAsync(client, email, "a-long-enough-password");
        return client;
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, Guid? communityId) =>
        client.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "sample-reminder", communityId,
            input = new { email = "resident@example.com", topic = "楼道照明" },
        });

    [Fact]
    public async Task Api_Unauthenticated_Answers401Problem_WhileHealthStaysOpen()
    {
        using var anonymous = host.CreateAnonymousClient();

        var instances = await anonymous.GetAsync("/api/instances");
        var health = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Unauthorized, instances.StatusCode);
        Assert.Equal("application/problem+json", instances.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_Answers401InTheCallersLanguage()
    {
        using var anonymous = host.CreateAnonymousClient();

        var chinese = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.AdminEmail, password = "wrong-password", useCookies = false });
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = TestAccounts.AdminEmail, password = "wrong-password", useCookies = false }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var englishResponse = await anonymous.SendAsync(english);

        Assert.Equal(HttpStatusCode.Unauthorized, chinese.StatusCode);
        Assert.Equal("邮箱或密码不正确", (string)(await chinese.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        Assert.Equal("Wrong email or password", (string)(await englishResponse.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
    }

    [Fact]
    public async Task Login_WithCookies_SignsInTheBrowserSession()
    {
        using var browser = host.CreateAnonymousClient();

        var login = await browser.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.AdminEmail, password = TestAccounts.AdminPassword, useCookies = true });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deliberation.auth=", StringComparison.Ordinal));
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Add("Cookie", cookie.Split(';')[0]);
        var response = await browser.SendAsync(me);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Administrator", (await response.Content.ReadFromJsonAsync<JsonObject>())!["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Staff_SeeOnlyTheirCommunitysInstances()
    {
        var mine = await AddCommunityAsync("east");
        var theirs = await AddCommunityAsync("west");
        var staff = await AccountAsync("staff-east@test.local", "CommitteeStaff", mine);
        var own = await (await StartAsync(staff, mine)).Content.ReadFromJsonAsync<JsonObject>();
        var other = await (await StartAsync(_admin, theirs)).Content.ReadFromJsonAsync<JsonObject>();

        var ownResponse = await staff.GetAsync($"/api/instances/{own!["instanceId"]}");
        var otherResponse = await staff.GetAsync($"/api/instances/{other!["instanceId"]}");
        var otherSignal = await staff.PostAsJsonAsync($"/api/instances/{other["instanceId"]}/signals/answer", new { agree = true });
        var list = await staff.GetFromJsonAsync<JsonObject>("/api/instances?take=500");
        var startElsewhere = await StartAsync(staff, theirs);

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSignal.StatusCode);
        // The list holds the staff member's own instance (so the check below runs over something) and nothing of another community.
        var listed = list!["items"]!.AsArray();
        Assert.Contains(listed, i => (string?)i!["id"] == (string?)own["instanceId"]);
        Assert.All(listed, i => Assert.Equal(mine.ToString(), (string)i!["communityId"]!));
        Assert.Equal(HttpStatusCode.BadRequest, startElsewhere.StatusCode);
        var adminView = await _admin.GetFromJsonAsync<JsonObject>($"/api/instances/{other["instanceId"]}");
        Assert.Equal("Suspended", (string)adminView!["instance"]!["status"]!);
    }

    [Fact]
    public async Task Staff_GetNotFoundForAnotherCommunitysRosterAndPeople()
    {
        var mine = await AddCommunityAsync("south");
        var theirs = await AddCommunityAsync("south-west");
        var staff = await AccountAsync("staff-south@test.local", "CommitteeStaff", mine);

        var ownPeople = await staff.GetAsync($"/api/communities/{mine}/people");
        var otherPeople = await staff.GetAsync($"/api/communities/{theirs}/people");
        var otherExport = await staff.GetAsync($"/api/communities/{theirs}/roster/export");
        var communities = await staff.GetFromJsonAsync<JsonArray>("/api/communities");
        var create = await staff.PostAsJsonAsync("/api/communities", new { code = "rogue", name = "不该建的社区" });

        Assert.Equal(HttpStatusCode.OK, ownPeople.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPeople.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherExport.StatusCode);
        Assert.Equal([mine.ToString()], communities!.Select(c => (string)c!["id"]!));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task BuildingHead_CannotRunWorkflows()
    {
        var community = await AddCommunityAsync("north");
        var head = await AccountAsync("head-north@test.local", "BuildingHead", community);

        var start = await StartAsync(head, community);
        var users = await head.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }
}
