using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// A password easy to guess is refused wherever one is set — a new account, a reset, the first administrator — with the
/// reasons in the caller's language; a long passphrase is taken.
/// </summary>
[Trait("Category", "Security")]
public sealed class PasswordStrengthTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Passphrase = "paper-kite-over-riverbank";
    private readonly HttpClient _admin = host.CreateClient();

    private Task<HttpResponseMessage> CreateAsync(string email, string password, string displayName = "张三", string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/users")
        {
            Content = JsonContent.Create(new { email, displayName, password, roles = new[] { "Administrator" } }),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return _admin.SendAsync(request);
    }

    private static async Task<(string[] Codes, string[] Texts)> PasswordErrorsAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid-account", (string)problem["code"]!);
        return ([.. problem["errorCodes"]!["password"]!.AsArray().Select(c => (string)c!)],
            [.. problem["errors"]!["password"]!.AsArray().Select(t => (string)t!)]);
    }

    private async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        using var client = host.CreateAnonymousClient();
        return (await client.PostAsJsonAsync("/api/auth/login", new { email, password, useCookies = false })).StatusCode;
    }

    [Fact]
    public async Task Create_DigitSequence_RefusedAsWeakWithChineseReasons()
    {
        var response = await CreateAsync("digits@test.local", "1234567890");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (codes, texts) = await PasswordErrorsAsync(response);
        Assert.Equal(["password-weak", "password-sequence", "password-add-words", "password-avoid-sequences"], codes);
        Assert.Equal("这个密码太容易被猜到，请换一个。", texts[0]);
        Assert.Contains("请加长密码，多用几个不常见的词。", texts);
        Assert.Contains(texts, t => t.Contains("按顺序排列", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("digits@test.local", "1234567890"));
    }

    [Fact]
    public async Task Create_CommonPasswordWithDigits_RefusedAsLikeACommonPassword()
    {
        var response = await CreateAsync("common@test.local", "password12");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (codes, texts) = await PasswordErrorsAsync(response);
        Assert.Equal("password-weak", codes[0]);
        Assert.Contains("password-like-common", codes);
        Assert.Contains("这和常见密码很相似，很容易被猜到。", texts);
    }

    [Fact]
    public async Task Create_TheAccountsOwnName_RefusedAsPersonal_ThoughStrongForAnyoneElse()
    {
        // 'minghui-zhou-88' scores 4 for an account with another name; here its words are the account's email.
        var own = await CreateAsync("zhou.minghui@test.local", "minghui-zhou-88", "周明辉");
        var someoneElses = await CreateAsync("li.na@test.local", "minghui-zhou-88", "李娜");

        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        var (codes, texts) = await PasswordErrorsAsync(own);
        Assert.Equal(["password-weak", "password-personal", "password-add-words", "password-avoid-personal"], codes);
        Assert.Contains("密码里有账号的姓名或邮箱，别人很容易猜到。", texts);
        Assert.Equal(HttpStatusCode.Created, someoneElses.StatusCode);
    }

    [Fact]
    public async Task Create_WeakPasswordInEnglish_ReasonsInEnglish()
    {
        var response = await CreateAsync("english@test.local", "qwertyuiop", language: "en");

        var (codes, texts) = await PasswordErrorsAsync(response);
        Assert.Equal(["password-weak", "password-common", "password-add-words"], codes);
        Assert.Equal("This password is too easy to guess; choose another.", texts[0]);
        Assert.Equal("This is a common password, easy to guess.", texts[1]);
    }

    [Fact]
    public async Task Create_TooShort_ToldTheLengthRuleOnly()
    {
        var (codes, _) = await PasswordErrorsAsync(await CreateAsync("short@test.local", "123456"));

        Assert.Equal(["password-too-short"], codes);
    }

    [Fact]
    public async Task Create_LongPassphrase_CreatedAndSignsIn()
    {
        var response = await CreateAsync("passphrase@test.local", Passphrase);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("passphrase@test.local", Passphrase));
    }

    [Fact]
    public async Task ResetPassword_Weak_RefusedAndTheOldPasswordStillSignsIn()
    {
        var created = await CreateAsync("reset-weak@test.local", Passphrase);
        var id = (Guid)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var weak = await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "reset-weak@test.local" });
        var strong = await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "lanterns-orchard-quietly-73" });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var (codes, _) = await PasswordErrorsAsync(weak);
        Assert.Equal("password-weak", codes[0]);
        Assert.Contains("password-personal", codes);
        Assert.Equal(HttpStatusCode.NoContent, strong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("reset-weak@test.local", "lanterns-orchard-quietly-73"));
    }
}
