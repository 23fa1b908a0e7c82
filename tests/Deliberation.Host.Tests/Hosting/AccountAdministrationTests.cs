using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>Administrators change accounts, reset passwords and disable accounts; refusals come coded, in Chinese, and change nothing.</summary>
[Trait("Category", "Deliberation")]
public sealed class AccountAdministrationTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Password = "a-long-enough-password";
    private readonly HttpClient _admin = host.CreateClient();

    private async Task<Guid> AddCommunityAsync(string code)
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true);
        var community = new Community { Id = Guid.NewGuid(), Code = code, Name = code + "社区", CreatedAt = host.Time.GetUtcNow() };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community.Id;
    }

    private async Task<Guid> CreateAsync(string email, string role, params Guid[] communities)
    {
        var created = await _admin.PostAsJsonAsync("/api/users", new { email, displayName = "张三", password = Password, roles = new[] { role }, communityIds = communities });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (Guid)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<HttpStatusCode> SignInAsync(string email, string password, string? expectCode = null)
    {
        using var client = host.CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password, useCookies = false });
        if (expectCode is not null) Assert.Equal(expectCode, (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        return response.StatusCode;
    }

    private async Task<JsonObject> ListedAsync(Guid id) =>
        (await _admin.GetFromJsonAsync<JsonArray>("/api/users"))!.Select(u => u!.AsObject()).Single(u => (Guid)u["id"]! == id);

    [Fact]
    public async Task Update_ChangesNameRolesAndCommunities()
    {
        var a = await AddCommunityAsync("acct-a");
        var b = await AddCommunityAsync("acct-b");
        var id = await CreateAsync("update@test.local", "BuildingHead", a);

        var updated = await _admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "张主任", roles = new[] { "CommitteeStaff" }, communityIds = new[] { b }, disabled = false });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var listed = await ListedAsync(id);
        Assert.Equal("张主任", (string)listed["displayName"]!);
        Assert.Equal(["CommitteeStaff"], listed["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal([b], listed["communityIds"]!.AsArray().Select(c => (Guid)c!));
    }

    [Fact]
    public async Task Disable_RefusesSignIn_ThenEnableLetsItBackIn()
    {
        var a = await AddCommunityAsync("acct-c");
        var id = await CreateAsync("disable@test.local", "CommitteeStaff", a);

        await _admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "张三", roles = new[] { "CommitteeStaff" }, communityIds = new[] { a }, disabled = true });
        var refused = await SignInAsync("disable@test.local", Password, "account-disabled");
        var disabledListed = (bool)(await ListedAsync(id))["disabled"]!;
        await _admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "张三", roles = new[] { "CommitteeStaff" }, communityIds = new[] { a }, disabled = false });

        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.True(disabledListed);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("disable@test.local", Password));
    }

    [Fact]
    public async Task ResetPassword_TooShortRefusedInChinese_ThenTheNewPasswordSignsIn_AndTheOldNoLonger()
    {
        var a = await AddCommunityAsync("acct-d");
        var id = await CreateAsync("reset@test.local", "CommitteeStaff", a);

        var tooShort = await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "short" });
        var problem = (await tooShort.Content.ReadFromJsonAsync<JsonObject>())!;
        var reset = await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "a-new-long-password" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("invalid-account", (string)problem["code"]!);
        Assert.Equal("password-too-short", (string)problem["errorCodes"]!["password"]![0]!);
        Assert.StartsWith("至少 10 个字符", (string)problem["errors"]!["password"]![0]!);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("reset@test.local", "a-new-long-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("reset@test.local", Password));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task WrongPasswords_NeverLockTheAccount_AndAnUnknownAccountAnswersAlike()
    {
        var a = await AddCommunityAsync("acct-e");
        await CreateAsync("locked@test.local", "CommitteeStaff", a);
        // An outsider who knows the address tries ten passwords: the staff member still signs in.
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("locked@test.local", "wrong-password", "wrong-credentials"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("locked@test.local", Password));
        // An address with no account answers exactly as a wrong password does.
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("nobody-here@test.local", "wrong-password", "wrong-credentials"));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task Logout_EndsEverySessionOfTheAccount_BearerAndCookie_AndAHeaderNeverSkipsTheAntiforgeryCheck()
    {
        var a = await AddCommunityAsync("acct-logout");
        await CreateAsync("leaving@test.local", "CommitteeStaff", a);
        using var client = host.CreateAnonymousClient();
        var bearer = (string)(await (await client.PostAsJsonAsync("/api/auth/login",
            new { email = "leaving@test.local", password = Password, useCookies = false })).Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        var cookieLogin = await client.PostAsJsonAsync("/api/auth/login", new { email = "leaving@test.local", password = Password, useCookies = true });
        var cookie = cookieLogin.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("deliberation.auth=", StringComparison.Ordinal));
        async Task<HttpStatusCode> MeAsync(string? token, string? withCookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            if (withCookie is not null) request.Headers.Add("Cookie", withCookie);
            return (await client.SendAsync(request)).StatusCode;
        }
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (await MeAsync(bearer, null), await MeAsync(null, cookie)));

        // A cookie-signed change with a made-up Authorization header still needs the anti-forgery token.
        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
        {
            forged.Headers.Add("Cookie", cookie);
            forged.Headers.TryAddWithoutValidation("Authorization", "bearer not-a-token");
            var refused = await client.SendAsync(forged);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("antiforgery", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        }
        Assert.Equal(HttpStatusCode.OK, await MeAsync(null, cookie));

        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
        {
            logout.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);
        }

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (await MeAsync(bearer, null), await MeAsync(null, cookie)));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("leaving@test.local", Password));
    }

    [Fact]
    public async Task TheLastAdministrator_CannotLoseTheRoleOrBeDisabled()
    {
        var me = (await _admin.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        var id = (Guid)me["id"]!;

        var demoted = await _admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "管理员", roles = new[] { "CommitteeStaff" }, communityIds = Array.Empty<Guid>(), disabled = false });
        var disabled = await _admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "管理员", roles = new[] { "Administrator" }, communityIds = Array.Empty<Guid>(), disabled = true });

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal("last-administrator", (string)(await demoted.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(HttpStatusCode.Conflict, disabled.StatusCode);
        Assert.Equal(["Administrator"], (await ListedAsync(id))["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task Create_TakenEmail_IsRefusedCoded_AndNothingChanges()
    {
        var a = await AddCommunityAsync("acct-f");
        await CreateAsync("taken@test.local", "CommitteeStaff", a);
        var before = (await _admin.GetFromJsonAsync<JsonArray>("/api/users"))!.Count;

        var again = await _admin.PostAsJsonAsync("/api/users", new { email = "taken@test.local", displayName = "李四", password = Password, roles = new[] { "CommitteeStaff" } });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("email-taken", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["email"]![0]!);
        Assert.Equal(before, (await _admin.GetFromJsonAsync<JsonArray>("/api/users"))!.Count);
    }

    [Fact]
    public async Task Update_UnknownAccount_Answers404()
    {
        var response = await _admin.PutAsJsonAsync($"/api/users/{Guid.NewGuid()}", new { displayName = "无", roles = new[] { "CommitteeStaff" }, disabled = false });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
