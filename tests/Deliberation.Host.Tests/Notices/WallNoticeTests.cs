using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Issues;

namespace Deliberation.Host.Tests.Notices;

/// <summary>
/// A public notice (公示) printed for the wall: the PDF (read with poppler, its QR code with ZXing) opens the notice's public
/// page, where residents leave comments and objections during the notice period; staff see them, publish, hide and answer
/// them; a flood is refused (429) on the injected clock, and the page stops taking comments when the period ends.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class WallNoticeTests : IAsyncLifetime
{
    internal const string Definition = """
        {
          "id": "notice-test",
          "inputs": [
            { "name": "caseNumber", "type": "text", "required": true },
            { "name": "title", "type": "text", "required": true },
            { "name": "noticePeriod", "type": "text", "default": "3d" }
          ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "stakeholders", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "stakeholders-identified" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "stakeholders" },
            { "source": "stakeholders", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    internal const string Title = "【公示】大龙社区：老人上楼难，申请加装电梯 已列为协商议题";
    private HostFactory _host = null!;
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _host = new HostFactory { Settings = { ["Deliberation:Notices:CommentsPerHour"] = "4" } };
        _admin = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PrintNotice_QrCodeOpensItsPage_CommentsReachStaff_ModeratedAndAnswered_FloodAndLateCommentsRefused()
    {
        Poppler.Require();
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsync("/api/workflows/notice-test", new StringContent(Definition, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync("/api/workflows/notice-test/versions/1/publish", null)).StatusCode);
        var world = await ComplaintWorld.CreateAsync(_admin, "n" + Guid.NewGuid().ToString("N")[..8]);
        var (staff, _) = await ComplaintWorld.AccountAsync(_host, _admin, "CommitteeStaff", world.CommunityId);
        var lift = await world.LogAsync(staff, world.Draft("老人上楼难，申请加装电梯", 5, 4, 12, buildings: ["1栋", "2栋"]));
        var anchoredAt = _host.Time.GetUtcNow();
        var anchored = await staff.PostAsJsonAsync($"{world.Complaints}/{lift}/anchor", new { definitionId = "notice-test" });
        Assert.Equal(HttpStatusCode.OK, anchored.StatusCode);
        var api = $"/api/communities/{world.CommunityId}";

        // Anchoring posted the notice for the wall, with its three-day notice period.
        var listed = Assert.Single((await staff.GetFromJsonAsync<JsonArray>($"{api}/public-notices"))!)!;
        Assert.Equal(("anchored", Title), ((string)listed["kind"]!, (string)listed["title"]!));
        var noticeId = (string)listed["id"]!;
        var notice = (await staff.GetFromJsonAsync<JsonObject>($"{api}/public-notices/{noticeId}"))!;
        Assert.Equal(anchoredAt.AddDays(3), (DateTimeOffset)notice["commentsCloseAt"]!);
        var publicUrl = (string)notice["publicUrl"]!;

        // 打印公示: an A4 PDF whose Chinese text reads back, and whose QR code is the public page.
        var pdf = await staff.GetByteArrayAsync($"{api}/public-notices/{noticeId}/pdf");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var pdfPath = Path.Combine(TestPaths.Printed, "notice-anchored.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var text = (await Poppler.TextAsync(pdfPath)).ReplaceLineEndings("");
        foreach (var expected in new[] { Title, "案件编号", "涉及楼栋：1栋、2栋", "公示期内可扫码留言或提出异议" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        var png = Path.Combine(TestPaths.Printed, "notice-anchored-page-1.png");
        await Poppler.RenderPageAsync(pdfPath, 1, png);
        // The QR code is the public page's short link (a sparser code), which redirects to the page.
        var resident = _host.CreateAnonymousClient();
        var scanned = QrCodes.Decode(png);
        Assert.Matches("^/s/[2-9a-km-np-zA-HJ-NP-Z]{10}$", new Uri(scanned).AbsolutePath);
        var redirect = await resident.GetAsync(new Uri(scanned).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(publicUrl, redirect.Headers.Location!.ToString());

        // The page, with no account: the notice and the form.
        var path = new Uri(publicUrl).PathAndQuery;
        var page = await resident.GetStringAsync(path);
        Assert.Contains(WebUtility.HtmlEncode(Title), page, StringComparison.Ordinal);
        Assert.Contains("name=\"text\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/gongshi/" + new string('0', 32))).StatusCode);

        // A resident objects with a phone number (JSON), another comments through the form; a bad phone number is refused, coded.
        var objection = await PostJsonAsync(resident, path, new { text = "低层采光会受影响，请公开方案", name = "1栋住户", phone = "138-1234-5678", kind = "objection" });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        var badPhone = await PostJsonAsync(resident, path, new { text = "支持", phone = "打电话给我" });
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        var problem = (await badPhone.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("invalid-input", "notice-comment-phone"), ((string)problem["code"]!, (string)problem["errorCodes"]!["phone"]![0]!));
        var form = await resident.PostAsync(path, new FormUrlEncodedContent([new("text", "支持加装电梯，越快越好"), new("kind", "comment")]));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("data-result=\"kept\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // They reach staff: in the notice's comments (with the phone to call back) and as an alert; the public sees neither yet.
        notice = (await staff.GetFromJsonAsync<JsonObject>($"{api}/public-notices/{noticeId}"))!;
        var comments = notice["comments"]!.AsArray();
        Assert.Equal(2, comments.Count);
        var objected = comments.Single(c => (bool)c!["isObjection"]!)!;
        Assert.Equal(("pending", "13812345678", "低层采光会受影响，请公开方案"), ((string)objected["status"]!, (string)objected["phone"]!, (string)objected["text"]!));
        var supported = comments.Single(c => !(bool)c!["isObjection"]!)!;
        Assert.Equal(2, (int)Assert.Single((await staff.GetFromJsonAsync<JsonArray>($"{api}/public-notices"))!)!["pendingComments"]!);
        var alerts = (await staff.GetFromJsonAsync<JsonArray>($"{api}/notices"))!;
        Assert.Contains(alerts, a => ((string)a!["subject"]!).StartsWith("公示收到新异议", StringComparison.Ordinal));
        Assert.DoesNotContain("低层采光", await resident.GetStringAsync(path), StringComparison.Ordinal);

        // Staff answer the objection (which publishes it) and hide the other; the page shows the answer, never the phone.
        const string Answer = "采光分析报告将在议事会上公开，欢迎参加。";
        var answered = await staff.PostAsJsonAsync($"{api}/notice-comments/{(string)objected["id"]!}/moderate", new { action = "answer", response = Answer });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"{api}/notice-comments/{(string)supported["id"]!}/moderate", new { action = "hide" })).StatusCode);
        var wrong = await staff.PostAsJsonAsync($"{api}/notice-comments/{(string)supported["id"]!}/moderate", new { action = "delete" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("notice-comment-action", (string)(await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["action"]![0]!);
        page = await resident.GetStringAsync(path);
        Assert.Contains("低层采光会受影响，请公开方案", page, StringComparison.Ordinal);
        Assert.Contains(Answer, page, StringComparison.Ordinal);
        Assert.DoesNotContain("支持加装电梯", page, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", page, StringComparison.Ordinal);

        // A flood: four comments an hour per address (three taken so far, the bad one counted), the fifth refused, coded.
        Assert.Equal(HttpStatusCode.Created, (await PostJsonAsync(resident, path, new { text = "第四条" })).StatusCode);
        var flood = await PostJsonAsync(resident, path, new { text = "第五条" });
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        Assert.Equal("notice-comment-flood", (string)(await flood.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(3, (await staff.GetFromJsonAsync<JsonObject>($"{api}/public-notices/{noticeId}"))!["comments"]!.AsArray().Count);
        // An hour later (on the injected clock) the address may comment again.
        _host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, (await PostJsonAsync(resident, path, new { text = "一小时后" })).StatusCode);

        // The notice period ends: the page says so and takes nothing more.
        _host.Time.SetUtcNow(anchoredAt.AddDays(3));
        var late = await PostJsonAsync(resident, path, new { text = "来晚了" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("notice-comments-closed", (string)(await late.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        page = await resident.GetStringAsync(path);
        Assert.Contains("data-result=\"closed\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"text\"", page, StringComparison.Ordinal);
        Assert.Equal(4, (await staff.GetFromJsonAsync<JsonObject>($"{api}/public-notices/{noticeId}"))!["comments"]!.AsArray().Count);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }
}
