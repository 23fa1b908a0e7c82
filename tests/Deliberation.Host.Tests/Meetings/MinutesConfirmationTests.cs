using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Meetings;

/// <summary>
/// Minutes confirmation (纪要确认) through the HTTP API, the links in the emails a real SMTP server (aiosmtpd) received
/// and a fake clock: a meeting runs to sealed minutes — participants confirm or object to a section, staff answer or
/// accept each objection, the window closes, the PDF is filed with its SHA-256 — and the QR code read off the rendered
/// PDF (poppler's pdftoppm, ZXing) opens the public verification page, which accepts the filed file and rejects one
/// changed by a single byte.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class MinutesConfirmationTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private const string Title = "1栋加装电梯协商会会议纪要";
    private HostFactory _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Deliberation:Mail:SmtpSecurity"] = "None",
            },
        };
        _admin = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task MeetingToSealedMinutes_TwoConfirmOneObjectsStaffAnswer_WindowCloses_PdfFiledWithHash_QrCodeVerifiesTheFile()
    {
        Poppler.Require();
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin, new { minutesConfirmation = "3d" });
        var meetingId = await HoldMeetingAsync(world);

        // The minutes are filed as a draft and the workflow waits at 纪要确认; step 5 has not begun.
        Assert.Equal(["confirmMinutes"], await world.WaitingAsync());
        var closedAt = _host.Time.GetUtcNow();
        var confirmation = await world.GetAsync($"{world.Api}/meetings/{meetingId}/minutes-confirmation");
        Assert.Equal("confirming", (string)confirmation["status"]!);
        Assert.Equal(closedAt.AddDays(3), DateTimeOffset.Parse((string)confirmation["closesAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal(MeetingWorld.Residents.Order(StringComparer.Ordinal), confirmation["participants"]!.AsArray().Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal));
        var draftId = (string)confirmation["draftId"]!;
        var sections = confirmation["sections"]!.AsArray();
        Assert.Equal("五、表决情况", (string)sections[4]!["heading"]!);

        // The three present get the draft by link; the absent advisor does not.
        var links = new Dictionary<string, string>();
        foreach (var name in MeetingWorld.Residents)
        {
            var request = await world.ReceiveAsync(name, "请确认会议纪要");
            Assert.Contains("按方案二在1栋北侧加装电梯", request.TextBody, StringComparison.Ordinal);
            links[name] = EmailedLinks.LinkIn(request);
        }
        await world.Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(world.Emails["孙会计"]) && (m.Message.Subject ?? "").Contains("请确认会议纪要", StringComparison.Ordinal));

        // The page shows the draft itself, and an objection without a reason is refused, saying why.
        var page = await world.Resident.GetStringAsync(links["丙三"]);
        Assert.Contains("纪要确认", page, StringComparison.Ordinal);
        Assert.Contains("<h3>五、表决情况</h3>", page, StringComparison.Ordinal);
        var bare = await world.Resident.PostAsync(links["丙三"], new FormUrlEncodedContent([new("choice", "object-5")]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("请在下方写明理由", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 甲一 and 乙二 confirm; 丙三 objects to the vote's section with a reason.
        await EmailedLinks.AnswerFormAsync(world.Resident, links["甲一"], ("choice", "confirm"));
        await EmailedLinks.AnswerFormAsync(world.Resident, links["乙二"], ("choice", "confirm"));
        const string Reason = "纪要没有写明我反对的理由：低层住户采光会受影响";
        await EmailedLinks.AnswerFormAsync(world.Resident, links["丙三"], ("choice", "object-5"), ("comment", Reason));
        Assert.Equal(["confirmMinutes"], await world.WaitingAsync()); // not everyone confirmed: the window runs on

        confirmation = await world.GetAsync($"{world.Api}/meetings/{meetingId}/minutes-confirmation");
        var answers = confirmation["participants"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (string?)p!["answer"]);
        Assert.Equal(("confirmed", "confirmed", "objected"), (answers["甲一"], answers["乙二"], answers["丙三"]));
        var objection = Assert.Single(confirmation["objections"]!.AsArray())!;
        Assert.Equal(("丙三", 5, "五、表决情况", Reason, "open"), ((string)objection["name"]!, (int)objection["sectionNumber"]!, (string)objection["section"]!,
            (string)objection["reason"]!, (string)objection["status"]!));

        // Staff answer it: the section stands, the answer is recorded with who answered, and 丙三 is told.
        const string Response = "丙三的反对理由已记入“六、不同意见及理由”，表决情况按会上记录保留。";
        var answered = await world.PostAsync($"{world.Api}/minutes-drafts/{draftId}/objections/{(string)objection["id"]!}/answer", new { response = Response });
        objection = Assert.Single(answered["objections"]!.AsArray())!;
        Assert.Equal(("answered", Response, "刘干事"), ((string)objection["status"]!, (string)objection["response"]!, (string)objection["resolvedBy"]!));
        Assert.Contains(Response, (await world.ReceiveAsync("丙三", "您对会议纪要的异议已处理")).TextBody, StringComparison.Ordinal);
        var again = await world.Staff.PostAsJsonAsync($"{world.Api}/minutes-drafts/{draftId}/objections/{(string)objection["id"]!}/answer", new { response = "再答一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("objection-resolved", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);

        // A slip staff notice themselves: they change section 十 — recorded with who, when, before and after.
        const string NoticePlan = "- 公示安排：决议在1栋单元门口公告栏公示 7 天。\n- 回访安排：全部事项完成后，社区向各利益相关方代表回访满意度。";
        var edited = await world.PutAsync<JsonNode>($"{world.Api}/minutes-drafts/{draftId}/sections/10", new { text = NoticePlan });
        var revision = Assert.Single(edited["revisions"]!.AsArray())!;
        Assert.Equal((10, "十、公示及回访安排", NoticePlan, "刘干事"), ((int)revision["sectionNumber"]!, (string)revision["section"]!, (string)revision["after"]!, (string)revision["by"]!));
        Assert.Contains("决议在小区公告栏及楼栋群公示 7 天。", (string)revision["before"]!, StringComparison.Ordinal);
        Assert.Contains("1栋单元门口公告栏", (string)edited["markdown"]!, StringComparison.Ordinal);

        // The window closes: not a tick before, then the minutes are sealed and the workflow goes on to step 5.
        await world.AdvanceToAsync(closedAt.AddDays(3) - Tick);
        Assert.Equal(["confirmMinutes"], await world.WaitingAsync());
        await world.AdvanceToAsync(closedAt.AddDays(3));
        Assert.Contains("itemDone", await world.WaitingAsync());
        var sealedView = await world.GetAsync($"{world.Api}/meetings/{meetingId}/minutes-confirmation");
        Assert.Equal("sealed", (string)sealedView["status"]!);
        var seal = sealedView["sealed"]!;
        Assert.Equal("window-ended", (string)seal["sealedBecause"]!);
        var sha256 = (string)seal["pdfSha256"]!;
        var verificationUrl = (string)seal["verificationUrl"]!;

        // The PDF as served and as filed in the archive has the recorded SHA-256; the participants get it by email.
        var pdf = await world.Staff.GetByteArrayAsync($"{world.Api}/minutes-drafts/{draftId}/pdf");
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var filed = Directory.GetFiles(Path.Combine(_host.DataPath, "archive"), "minutes.zh-CN.pdf", SearchOption.AllDirectories);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Assert.Single(filed)));
        var mailed = await world.ReceiveAsync("甲一", "会议纪要（定稿）");
        var attached = Assert.Single(mailed.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName!.EndsWith("会议纪要.pdf", StringComparison.Ordinal));
        using (var content = new MemoryStream())
        {
            await attached.Content!.DecodeToAsync(content);
            Assert.Equal(pdf, content.ToArray());
        }
        Assert.Contains(verificationUrl, mailed.TextBody, StringComparison.Ordinal);
        // The changed section is what the minutes on file say now (Markdown and .docx filed again with the record's new hashes).
        var chinese = (await world.MeetingAsync(meetingId))["minutes"]!.AsArray().Single(m => (string)m!["culture"]! == "zh-CN")!;
        Assert.Contains("1栋单元门口公告栏", await world.Staff.GetStringAsync($"{world.Api}/minutes/{(string)chinese["id"]!}/markdown"), StringComparison.Ordinal);

        // The PDF read as a person reads it: Chinese text, the signatures block, the confirmation record.
        var pdfPath = Path.Combine(TestPaths.Printed, "sealed-minutes.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var text = await Poppler.TextAsync(pdfPath);
        Assert.Contains(Title, text, StringComparison.Ordinal);
        // Lines wrap where the page ends: read the words across them.
        text = text.ReplaceLineEndings("");
        foreach (var expected in new[] { "五、表决情况", "纪要确认情况", "主持人（签字）", "记录人（签字）", "参会人员（签字）", "1栋单元门口公告栏", world.CaseNumber })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("提出异议", text, StringComparison.Ordinal);
        Assert.Contains("低层住户采光会受影响", text, StringComparison.Ordinal);
        Assert.Contains("表决情况按会上记录保留", text, StringComparison.Ordinal);
        Assert.Contains("确认期满定稿", text, StringComparison.Ordinal);

        // The first page as an image (kept in the test artifacts), and its QR code read as a phone would.
        var png = Path.Combine(TestPaths.Printed, "sealed-minutes-page-1.png");
        await Poppler.RenderPageAsync(pdfPath, 1, png);
        var pages = await Poppler.PagesAsync(pdfPath);
        for (var i = 2; i <= pages; i++) await Poppler.RenderPageAsync(pdfPath, i, Path.Combine(TestPaths.Printed, $"sealed-minutes-page-{i}.png"));
        var scanned = QrCodes.Decode(png);
        Assert.Equal(verificationUrl, scanned);

        // The verification page, with no account: it shows the record, accepts the filed file and rejects one changed by a byte.
        var anonymous = _host.CreateAnonymousClient();
        var path = new Uri(scanned).PathAndQuery;
        var shown = await anonymous.GetAsync(path);
        var shownText = await shown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(sha256, shownText, StringComparison.Ordinal);
        Assert.Contains(world.CaseNumber, shownText, StringComparison.Ordinal);
        Assert.Contains("data-result=\"match\"", await UploadAsync(anonymous, path, pdf), StringComparison.Ordinal);
        var changed = (byte[])pdf.Clone();
        changed[changed.Length / 2] ^= 0x01;
        var rejected = await UploadAsync(anonymous, path, changed);
        Assert.Contains("data-result=\"mismatch\"", rejected, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(changed)), rejected, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/verify/" + new string('0', 32))).StatusCode);

        // Sealed means sealed: staff can no longer change it, and the links say the confirmation has closed.
        var late = await world.Staff.PutAsJsonAsync($"{world.Api}/minutes-drafts/{draftId}/sections/1", new { text = "- 改动" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("minutes-sealed", (string)(await late.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        var closedLink = await world.Resident.PostAsync(links["丙三"], new FormUrlEncodedContent([new("choice", "confirm")]));
        Assert.Equal(HttpStatusCode.Conflict, closedLink.StatusCode);
    }

    [Fact]
    public async Task EveryParticipantConfirms_SealedBeforeTheWindowEnds()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin, new { minutesConfirmation = "3d" });
        var meetingId = await HoldMeetingAsync(world);
        var closedAt = _host.Time.GetUtcNow();

        foreach (var name in MeetingWorld.Residents)
            await EmailedLinks.AnswerFormAsync(world.Resident, EmailedLinks.LinkIn(await world.ReceiveAsync(name, "请确认会议纪要")), ("choice", "confirm"));

        Assert.Contains("itemDone", await world.WaitingAsync());
        var seal = (await world.GetAsync($"{world.Api}/meetings/{meetingId}/minutes-confirmation"))["sealed"]!;
        Assert.Equal("all-confirmed", (string)seal["sealedBecause"]!);
        Assert.Equal(closedAt, DateTimeOffset.Parse((string)seal["sealedAt"]!, CultureInfo.InvariantCulture));
    }

    /// <summary>Plans, convenes and holds the meeting: the three residents present, the accountant absent, a vote, an action item, the close.</summary>
    private static async Task<string> HoldMeetingAsync(MeetingWorld world)
    {
        var meetingId = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        await world.ConveneAsync(meetingId, new Dictionary<string, string[]> { ["甲一"] = ["slot-1"] },
            new Dictionary<string, string> { ["甲一"] = "yes", ["乙二"] = "yes", ["丙三"] = "yes" });
        await world.CheckQuorumAsync();
        await world.StartMeetingAsync(meetingId);
        await world.RecordAttendanceAsync(meetingId, ("甲一", true), ("乙二", true), ("丙三", true), ("钱律师", false), ("孙会计", false));
        await world.VoteAsync(meetingId, "是否同意按方案二加装电梯", ("甲一", "yes", null), ("乙二", "yes", null), ("丙三", "no", "低层住户采光会受影响"));
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/resolutions", new { text = "按方案二在1栋北侧加装电梯" });
        await world.AddActionItemAsync(meetingId, "电梯招标", "业委会", "乙二", world.Beijing(40, 17));
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/close", new { });
        return meetingId;
    }

    private static async Task<string> UploadAsync(HttpClient client, string path, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", "minutes.pdf");
        var response = await client.PostAsync(path, form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The verification page answered {(int)response.StatusCode}: {text}");
        return text;
    }
}
