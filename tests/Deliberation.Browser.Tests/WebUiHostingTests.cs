using System.Net;

namespace Deliberation.Browser.Tests;

/// <summary>The host serves the UI for its own routes and never for the server's areas.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WebUiHostingTests(BrowserWorld world)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/designer/fanshi-youjiqing")]
    [InlineData("/deliberations/01a20689-9fa5-756c-87a4-10da9d6e3afb")]
    public async Task Fallback_UiRoute_AnswersTheUi(string path)
    {
        using var client = new HttpClient { BaseAddress = world.Host.Address };
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<div id=\"root\"></div>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/t/no-such-token")]
    [InlineData("/dev/no-such-page")]
    [InlineData("/health/deep")]
    [InlineData("/openapi/v2.json")]
    [InlineData("/hangfire/no-such-page")]
    public async Task Fallback_ServerArea_IsNeverTheUi(string path)
    {
        using var client = new HttpClient { BaseAddress = world.Host.Address };
        var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<div id=\"root\"></div>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
