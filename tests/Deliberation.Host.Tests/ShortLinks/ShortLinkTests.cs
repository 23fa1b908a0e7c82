using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Issues;
using Deliberation.Host.Tests.Notices;

namespace Deliberation.Host.Tests.ShortLinks;

/// <summary>
/// Short links (<c>/s/{code}</c>): a paper sheet's QR code is the short form of the household's signed link, which redirects
/// to it and answers; reissuing the task's link makes the short one gone (410, in Chinese); an unknown code is a Chinese page
/// or coded ProblemDetails (404); lookups are limited per address (429); the building head's chat message names the current
/// notice's public short link, never a personal one, for their own buildings only.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class ShortLinkTests : IAsyncLifetime
{
    private const string Question = "是否同意在1栋北侧加装电梯";
    private const string ShortPath = "^/s/[2-9a-km-np-zA-HJ-NP-Z]{10}$";
    private HostFactory _host = null!;
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _host = new HostFactory();
        _admin = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>Follows a short link one step, as a phone would: it must redirect (302); returns where to.</summary>
    internal static async Task<string> FollowAsync(HttpClient client, string shortUrl)
    {
        Assert.Matches(ShortPath, new Uri(shortUrl).AbsolutePath);
        var response = await client.GetAsync(new Uri(shortUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task ShortTaskLink_RedirectsToSignedLinkThatAnswers_SameCodeWhenPrintedAgain_GoneOnceReissued()
    {
        Poppler.Require();
        var world = await ComplaintWorld.CreateAsync(_admin, "s" + Guid.NewGuid().ToString("N")[..8]);
        var api = $"/api/communities/{world.CommunityId}";
        var created = await _admin.PostAsJsonAsync($"{api}/tasks", new
        {
            personId = world.People["张一"], purpose = "ballot", title = Question, closesAt = _host.Time.GetUtcNow().AddDays(5),
            data = new { options = new[] { new { value = "yes", label = "同意" }, new { value = "no", label = "不同意" } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!;
        var (head, _) = await world.HeadAccountAsync(_host, _admin, "王楼长");

        // The sheet's QR code is a short link; printed again, the same one.
        var shortUrl = await ScanSheetAsync(head, $"{api}/tasks/{taskId}/paper-sheets", "short-link-sheet");
        Assert.Equal(shortUrl, await ScanSheetAsync(head, $"{api}/tasks/{taskId}/paper-sheets", "short-link-sheet-again"));

        // It redirects to 张一's signed link, whose page answers.
        var resident = _host.CreateAnonymousClient();
        var link = await FollowAsync(resident, shortUrl);
        Assert.StartsWith("/t/", new Uri(link).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(Question, await resident.GetStringAsync(new Uri(link).PathAndQuery), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsync(new Uri(link).PathAndQuery, new FormUrlEncodedContent([new("choice", "yes")]))).StatusCode);
        Assert.Equal(("link", "yes"), ((string)(await _admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!["current"]!["channel"]!,
            (string)(await _admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!["current"]!["answer"]!["choice"]!));

        // Staff reissue the link: the short one is gone — a page in Chinese, or coded ProblemDetails.
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/tasks/{taskId}/reissue-link", null)).StatusCode);
        var gone = await resident.GetAsync(new Uri(shortUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("text/html", gone.Content.Headers.ContentType!.MediaType);
        Assert.Contains("该链接已失效", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Gone, "short-link-gone"), await ProblemAsync(resident, new Uri(shortUrl).PathAndQuery));

        // The sheet printed now carries a new short link, to the new signed link.
        var renewed = await ScanSheetAsync(head, $"{api}/tasks/{taskId}/paper-sheets", "short-link-sheet-reissued");
        Assert.NotEqual(shortUrl, renewed);
        Assert.NotEqual(link, await FollowAsync(resident, renewed));

        // Unknown codes: a friendly page in Chinese, or coded ProblemDetails; a code with look-alike characters is not looked up.
        var unknown = await resident.GetAsync("/s/abcdefghjk");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("找不到该链接", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "short-link-not-found"), await ProblemAsync(resident, "/s/abcdefghjk"));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/s/0OlI0OlI0O")).StatusCode);
    }

    [Fact]
    public async Task ShortLinkLookups_OverTheLimitPerAddress_Refused429UntilTheMinutePasses()
    {
        await using var host = new HostFactory { Settings = { ["Deliberation:ShortLinks:LookupsPerMinute"] = "3" } };
        var prober = host.CreateAnonymousClientAt("203.0.113.7");
        for (var i = 0; i < 3; i++) Assert.Equal((HttpStatusCode.NotFound, "short-link-not-found"), await ProblemAsync(prober, $"/s/abcdefgh{i + 2}k"));
        Assert.Equal((HttpStatusCode.TooManyRequests, "short-link-flood"), await ProblemAsync(prober, "/s/abcdefgh9k"));
        var page = await prober.GetAsync("/s/abcdefgh9k");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("请求过于频繁", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another address is not held back; a minute later (on the injected clock) this one may look up again.
        Assert.Equal((HttpStatusCode.NotFound, "short-link-not-found"), await ProblemAsync(host.CreateAnonymousClientAt("203.0.113.8"), "/s/abcdefgh9k"));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((HttpStatusCode.NotFound, "short-link-not-found"), await ProblemAsync(prober, "/s/abcdefgh9k"));
    }

    [Fact]
    public async Task ChatMessages_PerOwnBuilding_NameTheNoticesPublicShortLinkAndNoPersonalLink()
    {
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsync("/api/workflows/notice-test", new StringContent(WallNoticeTests.Definition, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync("/api/workflows/notice-test/versions/1/publish", null)).StatusCode);
        var world = await ComplaintWorld.CreateAsync(_admin, "c" + Guid.NewGuid().ToString("N")[..8]);
        var api = $"/api/communities/{world.CommunityId}";
        var (staff, _) = await ComplaintWorld.AccountAsync(_host, _admin, "CommitteeStaff", world.CommunityId);
        var (head, _) = await world.HeadAccountAsync(_host, _admin, "王楼长");
        var (otherHead, _) = await world.HeadAccountAsync(_host, _admin, "欧阳楼长");

        // Before any notice, a building has no message.
        Assert.Null(Assert.Single((await head.GetFromJsonAsync<JsonArray>($"{api}/chat-messages"))!)!["message"]);

        var lift = await world.LogAsync(staff, world.Draft("老人上楼难，申请加装电梯", 5, 4, 12, buildings: ["1栋", "2栋"]));
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"{world.Complaints}/{lift}/anchor", new { definitionId = "notice-test" })).StatusCode);
        var noticeId = (string)Assert.Single((await staff.GetFromJsonAsync<JsonArray>($"{api}/public-notices"))!)!["id"]!;
        var publicUrl = (string)(await staff.GetFromJsonAsync<JsonObject>($"{api}/public-notices/{noticeId}"))!["publicUrl"]!;

        // A resident of 1栋 has a personal task link too (its short form made by printing the sheet): neither is in the message.
        var created = await _admin.PostAsJsonAsync($"{api}/tasks", new
        {
            personId = world.People["张一"], purpose = "ballot", title = Question, closesAt = _host.Time.GetUtcNow().AddDays(5),
            data = new { options = new[] { new { value = "yes", label = "同意" } } },
        });
        var taskId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!;
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"{api}/tasks/{taskId}/paper-sheets")).StatusCode);

        // 王楼长 gets 1栋's message only: the notice's title and its public page's short link, which leads to the page.
        var mine = Assert.Single((await head.GetFromJsonAsync<JsonArray>($"{api}/chat-messages"))!)!;
        Assert.Equal("1栋", (string)mine["building"]!);
        var message = (string)mine["message"]!;
        var shortUrl = (string)Assert.Single(mine["notices"]!.AsArray())!["shortUrl"]!;
        Assert.StartsWith("【大龙社区公示】1栋的各位邻居：", message, StringComparison.Ordinal);
        Assert.Contains("大龙社区：老人上楼难，申请加装电梯 已列为协商议题", message, StringComparison.Ordinal);
        Assert.Contains("详情及留言：" + shortUrl, message, StringComparison.Ordinal);
        Assert.Equal(publicUrl, await FollowAsync(_host.CreateAnonymousClient(), shortUrl));
        Assert.DoesNotContain("/t/", message, StringComparison.Ordinal);
        Assert.Equal(1, message.Split("/s/").Length - 1);

        // The same link each time; 欧阳楼长 gets 2栋's, staff every building's.
        Assert.Equal(message, (string)Assert.Single((await head.GetFromJsonAsync<JsonArray>($"{api}/chat-messages"))!)!["message"]!);
        var other = Assert.Single((await otherHead.GetFromJsonAsync<JsonArray>($"{api}/chat-messages"))!)!;
        Assert.Equal("2栋", (string)other["building"]!);
        Assert.Contains(shortUrl, (string)other["message"]!, StringComparison.Ordinal);
        Assert.Equal(["1栋", "2栋", "3栋"], (await staff.GetFromJsonAsync<JsonArray>($"{api}/chat-messages"))!.Select(m => (string)m!["building"]!));
    }

    private static async Task<(HttpStatusCode, string)> ProblemAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        return (response.StatusCode, (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
    }

    private static async Task<string> ScanSheetAsync(HttpClient head, string path, string name)
    {
        var pdfPath = Path.Combine(TestPaths.Printed, name + ".pdf");
        await File.WriteAllBytesAsync(pdfPath, await head.GetByteArrayAsync(path));
        var png = Path.Combine(TestPaths.Printed, name + ".png");
        await Poppler.RenderPageAsync(pdfPath, 1, png);
        return QrCodes.Decode(png);
    }
}
