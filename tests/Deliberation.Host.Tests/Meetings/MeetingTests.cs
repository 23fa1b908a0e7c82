using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Minutes;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Meetings;

/// <summary>
/// Steps 3–4 through the HTTP API and the links in emails a real SMTP server (aiosmtpd) received, on a fake clock:
/// the time poll, invitations, reminders out of quiet hours, the quorum loop, consent rounds, escalation-free decisions,
/// Article 278 and minutes.
/// </summary>
[Trait("Category", "Deliberation")]
public class MeetingTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
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
        foreach (var (key, value) in await DatabaseSettingsAsync(Guid.NewGuid().ToString("N")[..8])) _host.Settings[key] = value;
        _admin = _host.CreateClient();
    }

    /// <summary>Database settings for the host; none for the default SQLite file.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private static readonly Dictionary<string, string[]> EveryoneSlot2 = new()
    {
        ["甲一"] = ["slot-2"], ["乙二"] = ["slot-1", "slot-2"], ["丙三"] = ["slot-2"], ["钱律师"] = ["slot-2"], ["孙会计"] = ["slot-1"],
    };

    private static readonly Dictionary<string, string> AllComing = new()
    {
        ["甲一"] = "yes", ["乙二"] = "yes", ["丙三"] = "yes", ["钱律师"] = "yes", ["孙会计"] = "yes",
    };

    [Fact]
    public async Task PlanMeeting_SlotEndsBeforeItStarts_RefusedAtTheFieldByCodeInTheCallersLanguageAndNothingPlanned()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);
        var plan = new
        {
            name = "协商会", place = "议事厅",
            slots = new[] { new { start = world.Beijing(5, 19), end = world.Beijing(5, 18) }, new { start = world.Beijing(6, 19), end = world.Beijing(6, 21) } },
        };

        var answers = new Dictionary<string, JsonObject>();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{world.Api}/cases/{world.CaseId}/meetings") { Content = JsonContent.Create(plan) };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await world.Staff.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            answers[language] = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        Assert.Equal("每个候选时间的结束时间须晚于开始时间。", (string)answers["zh-CN"]["errors"]!["slots"]![0]!);
        Assert.Equal("Each slot must end after it starts.", (string)answers["en"]["errors"]!["slots"]![0]!);
        Assert.All(answers.Values, a => Assert.Equal("slot-ends-before-start", (string)a["errorCodes"]!["slots"]![0]!));
        Assert.Empty((await world.GetAsync($"{world.Api}/cases/{world.CaseId}/meetings")).AsArray());
    }

    [Fact]
    public async Task SetRules_CoOwnersWithoutMatterAndLowQuorum_RefusedAtEachFieldByCodeInChinese()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);

        var response = await world.Staff.PutAsJsonAsync($"{world.Api}/cases/{world.CaseId}/rules", new { rule = "co-owners-art278", quorum = "1/2", advisorsVote = true });
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["rules-article-278-quorum"], problem["errorCodes"]!["quorum"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["rules-article-278-matter"], problem["errorCodes"]!["article278Matter"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["rules-owners-only"], problem["errorCodes"]!["advisorsVote"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("法定人数比例 1/2 过低", (string)problem["errors"]!["quorum"]![0]!, StringComparison.Ordinal);
        Assert.Equal("simple-majority", (string)(await world.GetAsync($"{world.Api}/cases/{world.CaseId}/rules"))["rule"]!);
    }

    [Fact]
    public async Task TimePoll_NoneOfTheseTimes_IsAnAnswerWithTheReasonWritten()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);
        var meeting = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        var link = EmailedLinks.LinkIn(await world.ReceiveAsync("孙会计", "请选择会议时间"));

        var page = await (await world.Resident.GetAsync(link)).Content.ReadAsStringAsync();
        await EmailedLinks.AnswerFormAsync(world.Resident, link, ("comment", "两个晚上都要加班，周六上午可以"));

        Assert.Contains("这些时间都不能参加", page, StringComparison.Ordinal);
        Assert.Contains("<textarea", page, StringComparison.Ordinal);
        var member = (await world.MeetingAsync(meeting))["participants"]!.AsArray().Single(p => (string)p!["name"]! == "孙会计")!;
        Assert.Empty(member["pollChoices"]!.AsArray());
    }

    [Fact]
    public async Task LiveView_SendsTheMeetingAtOnce_ThenAgainWhenALinkAnswerChangesIt()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);
        var meeting = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        var unknown = await world.Staff.GetAsync($"{world.Api}/meetings/{Guid.NewGuid()}/live");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var response = await world.Staff.GetAsync($"{world.Api}/meetings/{meeting}/live", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        await using var events = System.Net.ServerSentEvents.SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("meeting", events.Current.EventType);
        JsonNode? Choices(string data) => JsonNode.Parse(data)!["participants"]!.AsArray().Single(p => (string)p!["name"]! == "甲一")!["pollChoices"];
        Assert.Null(Choices(events.Current.Data));

        // 甲一 answers the time poll by link: the next look at the meeting sends the changed view, unasked.
        await EmailedLinks.AnswerFormAsync(world.Resident, EmailedLinks.LinkIn(await world.ReceiveAsync("甲一", "请选择会议时间")), ("choices", "slot-2"));
        var next = events.MoveNextAsync().AsTask();
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            // The stream waits on the host's (fake) clock: move it on until the stream has looked again.
            while (!next.IsCompleted && !bound.IsCancellationRequested)
            {
                _host.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(next, Task.Delay(50, bound.Token));
            }
        }
        Assert.True(next.IsCompleted, "no event after the answer");
        Assert.True(await next);
        Assert.Equal(["slot-2"], Choices(events.Current.Data)!.AsArray().Select(c => (string)c!));
    }

    [Fact]
    public async Task StaffClosePollEarly_SchedulesAtOnceFromTheAnswersGiven()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);
        var meeting = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        Assert.Equal(["pollDeadline"], await world.WaitingAsync());
        foreach (var (name, slots) in EveryoneSlot2)
            await EmailedLinks.AnswerFormAsync(world.Resident, EmailedLinks.LinkIn(await world.ReceiveAsync(name, "请选择会议时间")), [.. slots.Select(s => ("choices", s))]);
        var now = _host.Time.GetUtcNow();

        await world.PostAsync($"{world.Api}/meetings/{meeting}/close-poll", new { });

        // Scheduled now, two days before the poll's deadline, at the time most could come.
        var scheduled = (await world.MeetingAsync(meeting))["meeting"]!;
        Assert.Equal("scheduled", (string)scheduled["status"]!);
        Assert.Equal(world.Beijing(6, 19), DateTimeOffset.Parse((string)scheduled["startsAt"]!, CultureInfo.InvariantCulture));
        Assert.True(DateTimeOffset.Parse((string)scheduled["pollClosesAt"]!, CultureInfo.InvariantCulture) <= now);
        Assert.DoesNotContain("pollDeadline", await world.WaitingAsync());
        // The invitation's organizer and reply address is the community's staff, who read their mail; staff are told the time.
        var invitation = await world.ReceiveAsync("甲一", "会议通知");
        Assert.Equal(world.StaffEmail, invitation.ReplyTo.Mailboxes.Single().Address);
        // One greeting and one signature; the HTML part shows the RSVP link as a button with the plain link beside it.
        Assert.StartsWith("甲一您好：", invitation.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("社区居委会", invitation.TextBody!.TrimEnd(), StringComparison.Ordinal);
        var rsvpPath = EmailedLinks.LinksIn(invitation)[0];
        var rsvp = System.Net.WebUtility.HtmlEncode(invitation.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("http", StringComparison.Ordinal) && l.Contains(rsvpPath, StringComparison.Ordinal)));
        Assert.Contains($"<a href=\"{rsvp}\" style=\"display:inline-block", invitation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">回复是否参加</a>", invitation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<br><a href=\"{rsvp}\"", invitation.HtmlBody, StringComparison.Ordinal);
        var ics = Assert.Single(invitation.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == "invite.ics");
        using (var stream = new MemoryStream())
        {
            await ics.Content!.DecodeToAsync(stream);
            Assert.Contains("mailto:" + world.StaffEmail, System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.OrdinalIgnoreCase);
        }
        var told = await world.ReceiveAsync(world.StaffEmail, "会议时间已确定");
        Assert.Contains("时间征询已截止（5/5 人答复）", told.TextBody, StringComparison.Ordinal);
        var again = await world.Staff.PostAsJsonAsync($"{world.Api}/meetings/{meeting}/close-poll", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("poll-not-open", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
    }

    [Fact]
    public async Task QuorumNotReached_CancelsTheMeetingAlertsStaffAndReturnsToTheTimePoll()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);
        await world.SetRulesAsync(new { template = "residents-council-two-thirds" });
        var first = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        Assert.Equal(["pollDeadline"], await world.WaitingAsync());

        // Only 甲一 of three voters will come: the two-thirds quorum needs 2.
        await world.ConveneAsync(first, EveryoneSlot2, new Dictionary<string, string> { ["甲一"] = "yes", ["乙二"] = "no", ["钱律师"] = "yes" });
        var invitation = await world.ReceiveAsync("甲一", "会议通知");
        var ics = Assert.Single(invitation.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == "invite.ics");
        using (var stream = new MemoryStream())
        {
            await ics.Content!.DecodeToAsync(stream);
            var calendar = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            Assert.Contains("METHOD:REQUEST", calendar, StringComparison.Ordinal);
            Assert.Contains("DTSTART:" + world.Beijing(6, 19).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), calendar, StringComparison.Ordinal);
        }
        Assert.Contains("介绍加装电梯方案", invitation.TextBody, StringComparison.Ordinal);

        await world.CheckQuorumAsync();
        Assert.Equal(["awaitPlan"], await world.WaitingAsync());
        var cancelled = await world.MeetingAsync(first);
        Assert.Equal("cancelled", (string)cancelled["meeting"]!["status"]!);
        Assert.Contains("不足法定人数 2 人", (string)cancelled["meeting"]!["cancelReason"]!, StringComparison.Ordinal);
        Assert.Contains("不足法定人数", (await world.ReceiveAsync("丙三", "会议取消")).TextBody, StringComparison.Ordinal);
        var alert = await world.ReceiveAsync(world.StaffEmail, "法定人数不足");
        Assert.Contains("重新安排候选时间", alert.TextBody, StringComparison.Ordinal);
        // The dashboard tells staff the same, newest first, until someone marks it read: the quorum, then the poll's close.
        var notices = (await world.GetAsync($"{world.Api}/notices")).AsArray();
        Assert.Equal(2, notices.Count);
        Assert.Contains("法定人数不足", (string)notices[0]!["subject"]!, StringComparison.Ordinal);
        Assert.Contains("重新安排候选时间", (string)notices[0]!["body"]!, StringComparison.Ordinal);
        Assert.Contains("会议时间已确定", (string)notices[1]!["subject"]!, StringComparison.Ordinal);
        Assert.All(notices, n => Assert.Equal(world.InstanceId, (string)n!["instanceId"]!));
        var read = await world.PostAsync($"{world.Api}/notices/{(string)notices[0]!["id"]!}/read", new { });
        Assert.NotNull((string?)read["readAt"]);
        Assert.Single((await world.GetAsync($"{world.Api}/notices")).AsArray());
        using (var unknown = new HttpRequestMessage(HttpMethod.Post, $"{world.Api}/notices/{Guid.NewGuid()}/read") { Content = JsonContent.Create(new { }) })
        {
            unknown.Headers.AcceptLanguage.ParseAdd("zh-CN");
            var answer = await world.Staff.SendAsync(unknown);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("notice-not-found", (string)problem["code"]!);
            Assert.Equal("找不到该通知", (string)problem["title"]!);
        }

        // Staff plan again: a second round of the time poll goes out.
        var second = await world.PlanAsync(world.Beijing(9, 19), world.Beijing(10, 19));
        Assert.Equal(2, (int)(await world.MeetingAsync(second))["meeting"]!["round"]!);
        Assert.Equal(["pollDeadline"], await world.WaitingAsync());
    }

    [Fact]
    public async Task ConsentBlocked_SecondVoteAtTheMeeting_DecidesAndFilesTheMinutes()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin, new { noDecisionReturnsTo = "vote", maxRounds = 3 });
        await world.SetRulesAsync(new { template = "consent" });
        // 08:30 on day 6: the 2 h reminder falls at 06:30, in quiet hours, and goes out at 07:00 instead.
        var meetingId = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 8, 30));
        var scheduled = await world.ConveneAsync(meetingId, EveryoneSlot2, AllComing);
        Assert.Equal(world.Beijing(6, 8, 30), DateTimeOffset.Parse((string)scheduled["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal([2, 4], scheduled["slots"]!.AsArray().Select(s => (int)s!["count"]!)); // only the two slots, counted

        await world.CheckQuorumAsync();
        Assert.Contains("awaitVote", await world.WaitingAsync());
        var dayBefore = await world.ReceiveAsync("甲一", "会议提醒");
        Assert.Contains("约24小时后", dayBefore.TextBody, StringComparison.Ordinal);
        await world.AdvanceToAsync(world.Beijing(6, 7) - TimeSpan.FromSeconds(1));
        await world.Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.Single(smtp.ReadMessages(), m => m.Recipients.Contains(world.Emails["甲一"]) && (m.Message.Subject ?? "").StartsWith("会议提醒", StringComparison.Ordinal));
        await world.AdvanceToAsync(world.Beijing(6, 7));
        var early = await world.ReceiveAsync("甲一", "会议提醒");
        Assert.Contains("约2小时后", early.TextBody, StringComparison.Ordinal);
        Assert.Equal(world.Beijing(6, 7), early.Date);

        await world.StartMeetingAsync(meetingId);
        await world.RecordAttendanceAsync(meetingId, ("甲一", true), ("乙二", true), ("丙三", true), ("钱律师", true), ("孙会计", false));
        var blocked = await world.VoteAsync(meetingId, "是否同意按方案一加装电梯",
            ("甲一", "yes", null), ("乙二", "block", "一楼住户采光受影响，方案一不可接受"), ("丙三", "stand-aside", "费用还需再算"));
        Assert.False((bool)blocked["vote"]!["passed"]!);
        Assert.Equal(1, (int)blocked["tally"]!["blocks"]!);
        Assert.Contains("inMeeting", string.Join(",", await world.WaitingAsync()).Replace("awaitVote", "inMeeting", StringComparison.Ordinal));

        var agreed = await world.VoteAsync(meetingId, "是否同意按方案二（电梯移至北侧）加装电梯",
            ("甲一", "yes", null), ("乙二", "yes", null), ("丙三", "stand-aside", "费用还需再算"));
        Assert.True((bool)agreed["vote"]!["passed"]!);
        Assert.Equal(["awaitClose"], (await world.WaitingAsync()).Where(w => w.StartsWith("await", StringComparison.Ordinal)));
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/resolutions", new { text = "按方案二在1栋北侧加装电梯" });
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/points", new { text = "电梯井不得占用消防通道", personId = world.People["钱律师"] });
        await world.AddActionItemAsync(meetingId, "办理加装电梯规划报批", "物业公司", "甲一", world.Beijing(40, 17), 20000m, "住户分摊");
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/close", new { });

        var held = await world.MeetingAsync(meetingId);
        var minutes = held["minutes"]!.AsArray();
        Assert.Equal(["en", "zh-CN"], minutes.Select(m => (string)m!["culture"]!).Order(StringComparer.Ordinal));
        var mail = await world.ReceiveAsync("乙二", "会议纪要");
        Assert.Contains("按方案二在1栋北侧加装电梯", mail.TextBody, StringComparison.Ordinal);
        Assert.Matches("- 丙三（[^）]+利益代表）（保留意见）：费用还需再算", mail.TextBody); // who they speak for, then their stance
        Assert.Contains("列席人员：钱律师（律师）", mail.TextBody, StringComparison.Ordinal);
        // The motion is stated; the blocked round stays in the minutes with who objected and why.
        Assert.Contains("- 表决事项：是否同意按方案二（电梯移至北侧）加装电梯\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 此前表决：\n  - 本次会议“是否同意按方案一加装电梯”：未通过。", mail.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"\n    - 乙二[^：\n]*（阻止）：一楼住户采光受影响，方案一不可接受\n", mail.TextBody);
        Assert.Matches(@"\n    - 丙三[^：\n]*（保留意见）：费用还需再算\n", mail.TextBody);
        Assert.Contains("缺席人员：无", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName!.EndsWith("会议纪要.docx", StringComparison.Ordinal));
        Assert.Matches(@"物业公司：办理加装电梯规划报批（预算 20,000 元）（完成时限：\d{4}年\d+月\d+日）", mail.TextBody);
        Assert.Contains("- 住户分摊", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("itemDone", await world.WaitingAsync()); // step 5: the action item is assigned
        await MinutesFilesAreServedOnlyWhenTheirHashMatchesAsync(world, minutes.Single(m => (string)m!["culture"]! == "zh-CN")!);
    }

    private async Task MinutesFilesAreServedOnlyWhenTheirHashMatchesAsync(MeetingWorld world, JsonNode record)
    {
        var id = (string)record["id"]!;
        var markdown = await world.Staff.GetAsync($"{world.Api}/minutes/{id}/markdown");
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Contains("按方案二在1栋北侧加装电梯", await markdown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var docx = await world.Staff.GetAsync($"{world.Api}/minutes/{id}/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2)); // a zip
        // Another community's staff do not see it; an unknown id is 404.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Staff.GetAsync($"{world.Api}/minutes/{Guid.NewGuid()}/markdown")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/api/communities/{Guid.NewGuid()}/minutes/{id}/markdown")).StatusCode);

        // A file changed after filing is refused.
        await File.AppendAllTextAsync(Path.Combine(_host.DataPath, "archive", (string)record["markdownPath"]!), "\n篡改");
        var altered = await world.Staff.GetAsync($"{world.Api}/minutes/{id}/markdown");
        Assert.Equal(HttpStatusCode.Conflict, altered.StatusCode);
        Assert.Equal("minutes-altered", (string)(await altered.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
    }

    [Fact]
    public async Task RoundsExhausted_EscalatesToTheStreetOfficeByEmailAndOnTheDashboard()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin, new { noDecisionReturnsTo = "vote", maxRounds = 2 });
        var streetOffice = $"jiedao-{Guid.NewGuid():N}@test.local";
        await world.PutAsync($"{world.Api}/escalation-contacts", new { escalationEmails = streetOffice });
        await world.SetRulesAsync(new { template = "consensus" });
        var meetingId = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        await world.ConveneAsync(meetingId, EveryoneSlot2, AllComing);
        await world.CheckQuorumAsync();
        await world.StartMeetingAsync(meetingId);
        await world.RecordAttendanceAsync(meetingId, ("甲一", true), ("乙二", true), ("丙三", true));

        // Round 1 fails; round 2, at the same meeting, fails too: with two rounds allowed the case is escalated.
        await world.VoteAsync(meetingId, "是否同意方案一", ("甲一", "yes", null), ("乙二", "yes", null), ("丙三", "no", "一楼采光受影响"));
        Assert.Contains("awaitVote", await world.WaitingAsync());
        await world.VoteAsync(meetingId, "是否同意方案二", ("甲一", "yes", null), ("乙二", "no", "费用太高"), ("丙三", "no", "仍有采光问题"));
        var escalation = await world.ReceiveAsync(streetOffice, "未形成决议");
        Assert.Contains("协商 2 轮", escalation.Subject, StringComparison.Ordinal);
        Assert.Contains("是否同意方案二", escalation.TextBody, StringComparison.Ordinal);
        await world.ReceiveAsync(world.StaffEmail, "未形成决议");
        var listed = Assert.Single((await world.GetAsync($"{world.Api}/escalations")).AsArray())!;
        Assert.Equal(("rounds-exhausted", world.CaseId), ((string)listed["kind"]!, (string)listed["caseId"]!));

        // The meeting still closes and files its minutes; then the workflow ends as escalated.
        await world.PostAsync($"{world.Api}/meetings/{meetingId}/close", new { });
        Assert.Contains("未通过", (await world.ReceiveAsync("甲一", "会议纪要")).TextBody, StringComparison.Ordinal);
        var instance = await world.InstanceAsync();
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        Assert.Contains((await world.GetAsync($"/api/instances/{world.InstanceId}/journal")).AsArray(), e => (string?)e!["activityId"] == "escalated");
    }

    [Fact]
    public async Task Article278_PassesByHeadcountButFailsByArea()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);
        await world.SetRulesAsync(new { template = "co-owners-art278-items-6-8" });
        var meetingId = await world.PlanAsync(world.Beijing(5, 19), world.Beijing(6, 19));
        await world.ConveneAsync(meetingId, EveryoneSlot2, AllComing);
        await world.CheckQuorumAsync();
        await world.StartMeetingAsync(meetingId);
        await world.RecordAttendanceAsync(meetingId, ("甲一", true), ("乙二", true), ("丙三", true));

        // 甲一 (60 ㎡) and 乙二 (80 ㎡) agree: 2 of 3 owners, but 140 of 300 ㎡.
        var vote = await world.VoteAsync(meetingId, "是否同意使用维修资金加装电梯",
            ("甲一", "yes", null), ("乙二", "yes", null), ("丙三", "no", "我家在一楼，用不上电梯"));
        Assert.False((bool)vote["vote"]!["passed"]!);
        var coOwners = vote["tally"]!["coOwners"]!;
        Assert.Equal(("66.67%", "46.67%", false), ((string)coOwners["ownerApproval"]!, (string)coOwners["areaApproval"]!, (bool)coOwners["areaApprovalMet"]!));
        Assert.Contains("面积", (string)vote["tally"]!["explanationZh"]!, StringComparison.Ordinal);

        // An advisor cannot vote on a co-owners' decision, and bad input changes nothing.
        var voteId = (string)(await world.PostAsync($"{world.Api}/meetings/{meetingId}/votes", new { question = "再次表决" }))["vote"]!["id"]!;
        var advisor = await world.Staff.PostAsJsonAsync($"{world.Api}/meetings/{meetingId}/votes/{voteId}/ballots", new { personId = world.People["钱律师"], choice = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, advisor.StatusCode);
        var bad = await world.Staff.PostAsJsonAsync($"{world.Api}/meetings/{meetingId}/votes/{voteId}/ballots", new { personId = world.People["甲一"], choice = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid-input", (string)(await bad.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Empty((await world.MeetingAsync(meetingId))["votes"]!.AsArray().Last()!["ballots"]!.AsArray());
    }

    [Fact]
    public async Task RulesAndPlans_BadInputIsRefusedAndChangesNothing()
    {
        var world = await MeetingWorld.CreateAsync(_host, smtp, _admin);
        var rules = await world.Staff.PutAsJsonAsync($"{world.Api}/cases/{world.CaseId}/rules", new { rule = "co-owners-art278", quorum = "1/2" });
        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        var problem = (await rules.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("民法典第二百七十八条要求专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；法定人数比例 1/2 过低。",
            (string)problem["errors"]!["quorum"]![0]!);
        Assert.Equal("simple-majority", (string)(await world.GetAsync($"{world.Api}/cases/{world.CaseId}/rules"))["rule"]!);

        var oneSlot = await world.Staff.PostAsJsonAsync($"{world.Api}/cases/{world.CaseId}/meetings", new
        {
            name = "会", place = "议事厅", slots = new[] { new { start = world.Beijing(5, 19), end = world.Beijing(5, 21) } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, oneSlot.StatusCode);
        // The field's message is in Chinese unless the caller prefers English.
        Assert.Equal("请给出 2 到 5 个候选时间。", (string)(await oneSlot.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["slots"]![0]!);
        using (var english = new HttpRequestMessage(HttpMethod.Post, $"{world.Api}/cases/{world.CaseId}/meetings"))
        {
            english.Headers.AcceptLanguage.ParseAdd("en");
            english.Content = JsonContent.Create(new { name = "会", place = "议事厅", slots = new[] { new { start = world.Beijing(5, 19), end = world.Beijing(5, 21) } } });
            var refused = await world.Staff.SendAsync(english);
            Assert.Equal("Give 2 to 5 candidate times.", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["slots"]![0]!);
        }
        Assert.Empty((await world.GetAsync($"{world.Api}/cases/{world.CaseId}/meetings")).AsArray());
        Assert.Equal(["awaitPlan"], await world.WaitingAsync());
    }
}
