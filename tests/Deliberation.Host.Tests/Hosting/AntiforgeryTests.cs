using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>
/// The UI's cookie alone does not authorise a change: a cookie-signed POST needs the anti-forgery token;
/// bearer-token clients need none.
/// </summary>
public sealed class AntiforgeryTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Definition = """{ "id": "csrf-check", "activities": [ { "id": "start", "type": "Start" } ], "connections": [] }""";

    [Fact]
    public async Task CookiePost_WithoutToken_Answers400InTheRequestsLanguageAndWithTheTokenPasses()
    {
        using var browser = host.CreateAnonymousClient();
        var login = await browser.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.AdminEmail, password = TestAccounts.AdminPassword, useCookies = true });
        var auth = Cookie(login, "deliberation.auth");

        var chinese = await PostAsync(browser, [auth], token: null, language: null);
        var english = await PostAsync(browser, [auth], token: null, language: "en");
        using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/antiforgery");
        ask.Headers.Add("Cookie", auth);
        var tokens = await browser.SendAsync(ask);
        var token = (string)(await tokens.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        var xsrf = Cookie(tokens, "deliberation.xsrf");
        var withToken = await PostAsync(browser, [auth, xsrf], token, language: null);
        var tokenWithoutCookie = await PostAsync(browser, [auth], token, language: null);

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var problem = (await chinese.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("antiforgery", "页面已过期或请求来源无法验证，请刷新页面后重试"), ((string)problem["code"]!, (string)problem["title"]!));
        Assert.Equal("The page has expired or the request could not be verified; reload the page and try again",
            (string)(await english.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tokenWithoutCookie.StatusCode);
    }

    [Fact]
    public async Task BearerPost_WithoutToken_Passes()
    {
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/workflows/validate", new StringContent(Definition, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string[] cookies, string? token, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/validate") { Content = new StringContent(Definition, Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        if (token is not null) request.Headers.Add("X-XSRF-TOKEN", token);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];
}
