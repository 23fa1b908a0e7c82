using System.Net;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// The anonymous answer pages are limited per address: past the limit a page (not JSON) says to wait, in the visitor's
/// language, while other addresses go on as before.
/// </summary>
[Trait("Category", "Security")]
public sealed class AnswerPageLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly HostFactory _host = new() { Settings = { ["Deliberation:Links:RequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task UseUpTheLimitAsync(HttpClient client)
    {
        for (var i = 0; i < Limit; i++)
        {
            // A made-up token: refused by the page itself (403), which still counts.
            var page = await client.GetAsync($"/t/not-a-token-{i}");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }
    }

    [Fact]
    public async Task Show_PastTheLimit_Answers429WithAChinesePageAndRetryAfter()
    {
        using var client = _host.CreateAnonymousClientAt("203.0.113.10");
        await UseUpTheLimitAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/t/not-a-token");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var limited = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(limited.Headers.CacheControl?.NoStore);
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("请求过于频繁", html, StringComparison.Ordinal);
        Assert.Contains("请等一分钟后再试", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_PastTheLimit_Answers429InEnglishWhenThePageIsEnglish()
    {
        using var client = _host.CreateAnonymousClientAt("203.0.113.11");
        await UseUpTheLimitAsync(client);

        var limited = await client.PostAsync("/t/not-a-token?lang=en", new FormUrlEncodedContent([new("choice", "yes")]));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Too many requests", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AnotherAddressPastItsLimit_ThisAddressIsServed()
    {
        using var busy = _host.CreateAnonymousClientAt("203.0.113.12");
        using var other = _host.CreateAnonymousClientAt("198.51.100.12");
        await UseUpTheLimitAsync(busy);

        var limited = await busy.GetAsync("/t/not-a-token");
        var served = await other.GetAsync("/t/not-a-token");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, served.StatusCode);
    }

    [Fact]
    public async Task Show_AnotherAddressOfTheSameIPv6Network_SharesTheLimit()
    {
        using var first = _host.CreateAnonymousClientAt("2001:db8:1:2::10");
        using var sameNetwork = _host.CreateAnonymousClientAt("2001:db8:1:2:abcd::99");
        await UseUpTheLimitAsync(first);

        var limited = await sameNetwork.GetAsync("/t/not-a-token");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Api_PastTheAnswerPagesLimit_NotLimitedByIt()
    {
        using var client = _host.CreateAnonymousClientAt("203.0.113.13");
        await UseUpTheLimitAsync(client);

        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
