using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Security;

/// <summary>Sign-in is rate-limited per address: guessing is slow, and the limit says so in the caller's language.</summary>
[Trait("Category", "Security")]
public sealed class SignInLimitTests : IAsyncLifetime
{
    private readonly HostFactory _host = new() { Settings = { ["Deliberation:Auth:SignInsPerMinute"] = "3" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignIn_PastTheLimitPerMinute_Answers429WithACodeAndRetryAfter_EvenWithTheRightPassword()
    {
        using var client = _host.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.AdminEmail, password = "guess-" + i, useCookies = false });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = TestAccounts.AdminEmail, password = TestAccounts.AdminPassword, useCookies = false }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var limited = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var problem = (await limited.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("too-many-sign-ins", (string)problem["code"]!);
        Assert.Equal("登录尝试过于频繁，请稍后再试", (string)problem["title"]!);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
