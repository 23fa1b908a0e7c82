using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// Wrong passwords for one account from one address make that address wait before trying that account again; nobody is
/// locked out: the account signs in from elsewhere, the wait ends by itself, and an unknown email is treated the same.
/// </summary>
[Trait("Category", "Security")]
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private const string Attacker = "203.0.113.50";
    private const string Office = "198.51.100.7";

    private readonly HostFactory _host = new()
    {
        Settings = { ["Deliberation:Auth:FailuresPerAccount"] = "5", ["Deliberation:Auth:FailureWindow"] = "00:15:00" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? Code, JsonObject? Problem, HttpResponseMessage Response)> SignInAsync(string address, string email, string password)
    {
        using var client = _host.CreateAnonymousClientAt(address);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password, useCookies = false }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.SendAsync(request);
        var problem = response.IsSuccessStatusCode ? null : await response.Content.ReadFromJsonAsync<JsonObject>();
        return (response.StatusCode, (string?)problem?["code"], problem, response);
    }

    private async Task<List<(HttpStatusCode, string?)>> GuessAsync(string address, string email, int times)
    {
        var answers = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < times; i++)
        {
            var (status, code, _, _) = await SignInAsync(address, email, "guess-number-" + i);
            answers.Add((status, code));
        }
        return answers;
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswordsFromOneAddress_ThatAddressWaitsForThatAccount_EvenWithTheRightPassword()
    {
        // The email's case does not make a new pair.
        var guesses = await GuessAsync(Attacker, "Admin@Test.Local", 5);

        var (status, code, problem, response) = await SignInAsync(Attacker, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        Assert.All(guesses, g => Assert.Equal((HttpStatusCode.Unauthorized, "wrong-credentials"), g));
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("too-many-sign-ins", code);
        Assert.Equal("登录尝试过于频繁，请稍后再试", (string)problem!["title"]!);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignIn_ThrottledPair_TheAccountSignsInFromAnotherAddress()
    {
        await GuessAsync(Attacker, TestAccounts.AdminEmail, 5);

        var fromAttacker = await SignInAsync(Attacker, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        var fromOffice = await SignInAsync(Office, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromAttacker.Status);
        Assert.Equal(HttpStatusCode.OK, fromOffice.Status);
    }

    [Fact]
    public async Task SignIn_ThrottledPair_AnotherAccountSignsInFromTheSameAddress()
    {
        const string email = "colleague@test.local";
        const string password = "paper-kite-over-riverbank";
        using var admin = _host.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email, displayName = "同事", password, roles = new[] { "Administrator" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await GuessAsync(Attacker, TestAccounts.AdminEmail, 5);

        var other = await SignInAsync(Attacker, email, password);

        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_AnsweredAndThrottledExactlyAsAKnownAccount()
    {
        var known = await GuessAsync(Attacker, TestAccounts.AdminEmail, 7);
        var unknown = await GuessAsync(Attacker, "nobody-here@test.local", 7);

        Assert.Equal(known, unknown);
        Assert.Equal((HttpStatusCode.Unauthorized, "wrong-credentials"), unknown[4]);
        Assert.Equal((HttpStatusCode.TooManyRequests, "too-many-sign-ins"), unknown[5]);
    }

    [Fact]
    public async Task SignIn_AfterTheWindow_TheWaitEndsByItself()
    {
        await GuessAsync(Attacker, TestAccounts.AdminEmail, 5);

        _host.Time.Advance(TimeSpan.FromMinutes(14));
        var stillWaiting = await SignInAsync(Attacker, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var signedIn = await SignInAsync(Attacker, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, stillWaiting.Status);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
    }

    [Fact]
    public async Task SignIn_RightPasswordBeforeTheLimit_StartsTheCountAgain()
    {
        await GuessAsync(Attacker, TestAccounts.AdminEmail, 4);
        var first = await SignInAsync(Attacker, TestAccounts.AdminEmail, TestAccounts.AdminPassword);
        await GuessAsync(Attacker, TestAccounts.AdminEmail, 4);

        var second = await SignInAsync(Attacker, TestAccounts.AdminEmail, TestAccounts.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
    }
}
