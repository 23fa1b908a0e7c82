using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Issues;
using Deliberation.Host.Tests.ShortLinks;

namespace Deliberation.Host.Tests.Notices;

/// <summary>
/// A building head prints one ballot sheet per household of their building, each with the household's own signed QR code
/// (read off the rendered PDF with ZXing, it opens that household's answer page), enters the sheets that come back with a
/// photo of each, and the totals show online, paper and proxy answers apart; a sheet of another household, a household of
/// another building, a photo over the limit and an answer after the deadline are refused with their codes.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class PaperAnswerTests : IAsyncLifetime
{
    private const string Question = "是否同意在1栋北侧加装电梯";
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

    [Fact]
    public async Task PaperSheets_OnePerHouseholdWithItsOwnQrCode_PaperAnswersCountedApartFromOnlineAndProxy()
    {
        Poppler.Require();
        var world = await ComplaintWorld.CreateAsync(_admin, "p" + Guid.NewGuid().ToString("N")[..8]);
        var api = $"/api/communities/{world.CommunityId}";
        var closesAt = _host.Time.GetUtcNow().AddDays(5);
        var tasks = new Dictionary<string, string>();
        foreach (var name in new[] { "王楼长", "张一", "李二", "赵三", "钱四" })
        {
            var created = await _admin.PostAsJsonAsync($"{api}/tasks", new
            {
                personId = world.People[name], purpose = "ballot", title = Question, closesAt,
                data = new { options = new[] { new { value = "yes", label = "同意" }, new { value = "no", label = "不同意" } }, allowComment = true },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            tasks[name] = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!;
        }
        var (head, _) = await world.HeadAccountAsync(_host, _admin, "王楼长");

        // 王楼长 prints the sheets of 1栋: one page per household (101, 102, 201, 202), none of 2栋's.
        var pdf = await head.GetByteArrayAsync($"{api}/tasks/{tasks["张一"]}/paper-sheets");
        var pdfPath = Path.Combine(TestPaths.Printed, "paper-ballot-sheets.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        Assert.Equal(4, await Poppler.PagesAsync(pdfPath));
        var text = await Poppler.TextAsync(pdfPath);
        foreach (var expected in new[] { "大龙社区纸质答复单", Question, "同意", "不同意", "户代表（签字）", "张一", "赵三" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("钱四", text, StringComparison.Ordinal);
        var pages = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            var png = Path.Combine(TestPaths.Printed, $"paper-ballot-sheet-{i}.png");
            await Poppler.RenderPageAsync(pdfPath, i, png);
            pages.Add(png);
        }

        // 代填答复 lists 1栋's residents without email; its paper-sheet view lists every household on the sheets, in the
        // sheets' order, 王楼长's (who has email) too — so that any sheet that comes back can be entered.
        static IEnumerable<string> Names(JsonArray listed) => listed.Select(t => (string)t!["personName"]!);
        Assert.Equal(["张一", "李二", "赵三"], Names((await head.GetFromJsonAsync<JsonArray>($"{api}/tasks/for-proxy"))!));
        var sheetTasks = (await head.GetFromJsonAsync<JsonArray>($"{api}/tasks/for-proxy?households=true"))!;
        Assert.Equal(["王楼长", "张一", "李二", "赵三"], Names(sheetTasks));
        Assert.Equal(world.Households["1栋-101"], (string)sheetTasks[0]!["householdId"]!);

        // The QR code of 102's sheet is 张一's own link: answering through it records 张一's answer online.
        // It is the short form of the link (a sparser code on paper), which redirects to the signed link.
        var resident = _host.CreateAnonymousClient();
        var link = await ShortLinkTests.FollowAsync(resident, QrCodes.Decode(pages[1]));
        Assert.Contains(Question, await resident.GetStringAsync(new Uri(link).PathAndQuery), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsync(new Uri(link).PathAndQuery, new FormUrlEncodedContent([new("choice", "yes")]))).StatusCode);
        Assert.Equal("link", (string)(await _admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{tasks["张一"]}"))!["current"]!["channel"]!);
        Assert.NotEqual(QrCodes.Decode(pages[1]), QrCodes.Decode(pages[2]));

        // 李二 (201) ticked 不同意 on paper: 王楼长 enters it with a photo of the sheet.
        var sheetPhoto = TestImages.Jpeg(64, 48);
        var entered = await PaperAnswerAsync(head, api, tasks["李二"], world.Households["1栋-201"], "no", sheetPhoto);
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        var paper = (await entered.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("paper", "no"), ((string)paper["channel"]!, (string)paper["answer"]!["choice"]!));
        var photo = await head.GetAsync($"{api}/tasks/{tasks["李二"]}/answers/{(string)paper["answerId"]!}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);

        // Refused, each with its code, and nothing recorded: another household's sheet, a household of another building,
        // a photo over 5 MB, a paper sheet over an answer given online.
        await RefusedAsync(await PaperAnswerAsync(head, api, tasks["赵三"], world.Households["1栋-201"], "yes", sheetPhoto), HttpStatusCode.BadRequest, "paper-wrong-household");
        await RefusedAsync(await PaperAnswerAsync(head, api, tasks["钱四"], world.Households["2栋-302"], "yes", sheetPhoto), HttpStatusCode.Forbidden, "household-not-headed");
        await RefusedAsync(await PaperAnswerAsync(head, api, tasks["赵三"], world.Households["1栋-202"], "yes", new byte[6 * 1024 * 1024]), HttpStatusCode.BadRequest, "photo-too-large");
        await RefusedAsync(await PaperAnswerAsync(head, api, tasks["张一"], world.Households["1栋-102"], "no", sheetPhoto), HttpStatusCode.Conflict, "answered-by-person");
        Assert.Null((await _admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{tasks["赵三"]}"))!["current"]);

        // 赵三 told the head in person: a proxy answer.
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/tasks/{tasks["赵三"]}/proxy-answer", new { answer = new { choice = "yes" } })).StatusCode);

        // The totals show online, paper and proxy apart, in all and per option.
        var totals = (await head.GetFromJsonAsync<JsonObject>($"{api}/tasks/{tasks["王楼长"]}/totals"))!;
        Assert.Equal((5, 3), ((int)totals["asked"]!, (int)totals["answered"]!));
        Assert.Equal((1, 1, 1), ((int)totals["channels"]!["link"]!, (int)totals["channels"]!["paper"]!, (int)totals["channels"]!["proxy"]!));
        var options = totals["options"]!.AsArray().ToDictionary(o => (string)o!["value"]!, o => o!);
        Assert.Equal((2, 1, 0, 1), ((int)options["yes"]["count"]!, (int)options["yes"]["channels"]!["link"]!, (int)options["yes"]["channels"]!["paper"]!,
            (int)options["yes"]["channels"]!["proxy"]!));
        Assert.Equal((1, 1), ((int)options["no"]["count"]!, (int)options["no"]["channels"]!["paper"]!));

        // After the deadline a sheet that comes back late is not entered.
        _host.Time.SetUtcNow(closesAt);
        await RefusedAsync(await PaperAnswerAsync(head, api, tasks["王楼长"], world.Households["1栋-101"], "yes", sheetPhoto), HttpStatusCode.Conflict, "task-closed");
        Assert.Equal(3, (int)(await head.GetFromJsonAsync<JsonObject>($"{api}/tasks/{tasks["王楼长"]}/totals"))!["answered"]!);
    }

    private static async Task<HttpResponseMessage> PaperAnswerAsync(HttpClient client, string api, string taskId, string householdId, string choice, byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent($$"""{"choice":"{{choice}}"}"""), "answer");
        form.Add(new StringContent(householdId), "householdId");
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", "sheet.jpg");
        return await client.PostAsync($"{api}/tasks/{taskId}/paper-answer", form);
    }

    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, (string)JsonNode.Parse(body)!["code"]!);
    }
}
