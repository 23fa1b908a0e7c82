using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Api;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// What the framework refuses before our code runs — a body that is not JSON, a body of another type, a query value of the
/// wrong type — is a ProblemDetails with a stable code, titled in the request's language, and changes nothing.
/// </summary>
[Trait("Category", "BadInput")]
public sealed class FrameworkRefusalTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { "zh-CN", "application/json", "malformed-json", "请求内容不是有效的 JSON" },
        { "en", "application/json", "malformed-json", "The request body is not valid JSON" },
        { "zh-CN", "text/plain", "unsupported-media-type", "请求内容的类型不受支持，请以 JSON 发送" },
        { "en", "text/plain", "unsupported-media-type", "The request body's type is not supported; send JSON" },
        { "zh-CN", "application/json; charset=utf-7", "unsupported-media-type", "请求内容的类型不受支持，请以 JSON 发送" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Body_NotJsonOrNotAJsonType_IsACodedProblemInTheCallersLanguage_AndNothingIsAdded(string language, string contentType, string code,
        string title)
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "refusal-" + Guid.NewGuid().ToString("N")[..6]);
        var before = await CountAsync(id);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/communities/{id}/precincts")
        {
            Content = new StringContent("{\"name\": \"一期\", ", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await _client.SendAsync(request);

        Assert.Equal(code == "unsupported-media-type" ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string)problem["code"]!);
        Assert.Equal(title, (string)problem["title"]!);
        Assert.Equal(before, await CountAsync(id));
    }

    [Theory]
    [InlineData("zh-CN", "请求有误")]
    [InlineData("en", "Bad request")]
    public async Task QueryValue_OfTheWrongType_IsACodedProblemInTheCallersLanguage(string language, string title)
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "query-" + Guid.NewGuid().ToString("N")[..6]);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/communities/{id}/case-list?skip=many");
        request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bad-request", (string)problem["code"]!);
        Assert.Equal(title, (string)problem["title"]!);
    }

    [Theory]
    [InlineData("/api/communities")]
    [InlineData("/health")]
    [InlineData("/t/not-a-token")]
    [InlineData("/api/no-such-route")]
    [Trait("Category", "Security")]
    public async Task EveryResponse_ForbidsFramingAndSniffing_AndSendsNoReferrer(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        if (path == "/api/no-such-route")
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not-found", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        }
    }

    [Fact]
    public async Task CaseTitle_WithADirectionOverride_IsRefusedAtTheFieldInChinese_AndNoCaseIsOpened()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "bidi-" + Guid.NewGuid().ToString("N")[..6]);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/communities/{id}/cases")
        {
            Content = JsonContent.Create(new { title = "电梯\u202E费用全免" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("text-invalid-characters", (string)problem["errorCodes"]!["title"]![0]!);
        Assert.Equal("请删除其中的控制字符或文字方向控制符。", (string)problem["errors"]!["title"]![0]!);
        Assert.Equal(0, (int)(await _client.GetFromJsonAsync<JsonObject>($"/api/communities/{id}/case-list"))!["total"]!);
    }

    private async Task<int> CountAsync(string communityId) =>
        (await _client.GetFromJsonAsync<JsonArray>($"/api/communities/{communityId}/precincts"))!.Count;
}
