using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Deliberation.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Asking;

/// <summary>
/// 征询参与者 and 通知 in a workflow defined here, as staff would build it in the designer: Start → ask 5栋 a yes/no question with
/// a daily reminder → notify the building of the result → End. Residents answer through the links a real SMTP server
/// (aiosmtpd) received; the building head answers for a resident without email; the reminder goes out of the quiet hours,
/// only to those who have not answered. Fake time, timers pumped explicitly.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class AskAndNotifyTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;
    private HttpClient _resident = null!;
    private AskWorld _world = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = AskRuns.HostMailingTo(smtp);
        _staff = _host.CreateClient();
        _resident = _host.CreateAnonymousClient();
        _world = await AskWorld.SeedAsync(_host.Services.GetRequiredService<DeliberationDatabase>(), _host.Time.GetUtcNow(), _run);
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        _resident.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>The workflow, as the designer saves it: every timing an input of the activity.</summary>
    private static string AskThenNotify(string id) => $$$"""
        {
          "id": "{{{id}}}",
          "displayName": { "zh-CN": "楼栋征询并通知结果", "en": "Ask a building, notify the result" },
          "inputs": [ { "name": "groupId", "type": "text", "required": true } ],
          "variables": [ { "name": "result", "default": null } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "AskParticipants", "label": "征询加装电梯意见", "inputs": {
                "title": { "type": "literal", "value": "是否同意在5栋加装电梯？" },
                "text": { "type": "literal", "value": "费用按户分摊，方案见楼道公告栏。" },
                "form": { "type": "literal", "value": "yes-no" },
                "options": { "type": "literal", "value": "同意\n不同意" },
                "audience": { "type": "literal", "value": "building-group" },
                "audienceIds": { "type": "scriban", "value": "{{ input.groupId }}" },
                "deadline": { "type": "literal", "value": "3d" },
                "reminderInterval": { "type": "literal", "value": "24h" },
                "maxReminders": { "type": "literal", "value": 1 },
                "resultVariable": { "type": "literal", "value": "result" } } },
            { "id": "notify", "type": "Notify", "label": "通知征询结果", "inputs": {
                "subject": { "type": "scriban", "value": "征询结果：{{ vars.result.tally.counts.yes }} 户同意加装电梯" },
                "body": { "type": "scriban", "value": "5栋加装电梯征询已结束：同意 {{ output.ask.tally.counts.yes }} 户，不同意 {{ output.ask.tally.counts.no }} 户，共 {{ output.ask.tally.answered }}/{{ output.ask.tally.total }} 户答复。{{ if output.ask.tally.leading == 'yes' }}多数同意，社区将启动加装程序。{{ else }}未获多数同意。{{ end }}" },
                "audience": { "type": "literal", "value": "building-group" },
                "audienceIds": { "type": "scriban", "value": "{{ input.groupId }}" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "ask", "targetPort": "In" },
            { "source": "ask", "sourcePort": "AllAnswered", "target": "notify", "targetPort": "In" },
            { "source": "ask", "sourcePort": "QuorumReached", "target": "notify", "targetPort": "In" },
            { "source": "ask", "sourcePort": "Deadline", "target": "notify", "targetPort": "In" },
            { "source": "notify", "sourcePort": "Done", "target": "end", "targetPort": "In" }
          ]
        }
        """;

    [Fact]
    public async Task AskBuildingThenNotify_AnsweredByLinkAndByTheHead_RemindedOutOfQuietHours_NotifiesTheTally()
    {
        // 23:00 in Beijing: the daily reminder falls due at 23:00 the next evening, in the quiet hours.
        _host.Time.Advance(new DateTimeOffset(2026, 11, 23, 23, 0, 0, Beijing) - _host.Time.GetUtcNow());
        var instanceId = await StartAsync(AskThenNotify($"ask-{_run}"), $"ask-{_run}", new { groupId = _world.Building5.ToString() });
        Assert.Equal(["ask"], await WaitingAsync(instanceId));

        // The question reaches those with email, with the form's words; the head is told who has none.
        var zhangMail = await ReceiveAsync(_world.Emails["张一"], "【征询】是否同意在5栋加装电梯？");
        Assert.Contains("费用按户分摊", zhangMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("请选择一项：同意、不同意", zhangMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026年11月26日 23:00（北京时间）前答复", zhangMail.TextBody, StringComparison.Ordinal);
        await ReceiveAsync(_world.Emails["王楼长"], "【征询】");
        var notice = await ReceiveAsync(_world.Emails["王楼长"], "【代为征询】");
        Assert.Contains("李奶奶（503）", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("/proxy", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("李爷爷", notice.TextBody, StringComparison.Ordinal); // one per household: 503 is 李奶奶's
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(_world.Emails["赵六"]));

        // 张一 opens the page (recording nothing), answers 不同意, then changes to 同意 an hour later.
        var zhangLink = EmailedLinks.LinkIn(zhangMail);
        var page = await _resident.GetStringAsync(zhangLink);
        Assert.Contains("征询意见", page, StringComparison.Ordinal);
        Assert.Contains(">同意<", page, StringComparison.Ordinal);
        await EmailedLinks.AnswerAsync(_resident, zhangLink, "no");
        _host.Time.Advance(TimeSpan.FromHours(1));
        await EmailedLinks.AnswerAsync(_resident, zhangLink, "yes");
        Assert.Equal(["ask"], await WaitingAsync(instanceId));

        // Due at 23:00 on the 24th, in the quiet hours: nothing until 07:00 on the 25th, then only to those who have not answered.
        var sevenAm = new DateTimeOffset(2026, 11, 25, 7, 0, 0, Beijing);
        await AdvanceAndPumpAsync(new DateTimeOffset(2026, 11, 24, 23, 0, 0, Beijing) - _host.Time.GetUtcNow());
        await AdvanceAndPumpAsync(sevenAm - Tick - _host.Time.GetUtcNow());
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        // (The SMTP server is shared by this class's tests: only this world's addresses count.)
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Any(_world.Emails.ContainsValue) && (m.Message.Subject ?? "").StartsWith("提醒", StringComparison.Ordinal));

        await AdvanceAndPumpAsync(Tick);
        var reminder = await ReceiveAsync(_world.Emails["王楼长"], "提醒：请答复“是否同意在5栋加装电梯？”");
        Assert.Equal(sevenAm, reminder.Date);
        var headReminder = await ReceiveAsync(_world.Emails["王楼长"], "提醒：【代为征询】");
        Assert.Contains("李奶奶（503）", headReminder.TextBody, StringComparison.Ordinal);
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(_world.Emails["张一"]) && (m.Message.Subject ?? "").StartsWith("提醒", StringComparison.Ordinal));

        // 王楼长 answers 不同意 by the reminder's link …
        await EmailedLinks.AnswerAsync(_resident, EmailedLinks.LinkIn(reminder), "no");
        Assert.Equal(["ask"], await WaitingAsync(instanceId));

        // … and, signed in as building head, enters 同意 for 李奶奶, who has no email: everyone has answered.
        using var head = await TestAccounts.BuildingHeadAsync(_host, _staff, _world.Community, _run);
        var proxies = (await head.GetFromJsonAsync<JsonArray>($"/api/communities/{_world.Community}/tasks/for-proxy"))!;
        var grandma = Assert.Single(proxies, t => (string)t!["personName"]! == "李奶奶")!;
        Assert.Equal(("ask", "是否同意在5栋加装电梯？", false), ((string)grandma["purpose"]!, (string)grandma["title"]!, (bool)grandma["answered"]!));
        var entered = await head.PostAsJsonAsync($"/api/tasks/{(string)grandma["taskId"]!}/proxy-answer", new { answer = new { choice = "yes" } });
        Assert.True(entered.StatusCode == HttpStatusCode.OK, await entered.Content.ReadAsStringAsync());

        // The instance finishes with the tally, and the building is told the result (one email per household with an address).
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        Assert.Empty(instance["incidents"]!.AsArray());
        var ask = instance["outputs"]!["ask"]!;
        Assert.Equal(("AllAnswered", 3, 1, 1), ((string)ask["outcome"]!, (int)ask["asked"]!, (int)ask["withoutEmail"]!, (int)ask["reminders"]!));
        var tally = ask["tally"]!;
        Assert.Equal((2, 1, 3, 3, "yes"), ((int)tally["counts"]!["yes"]!, (int)tally["counts"]!["no"]!, (int)tally["answered"]!, (int)tally["total"]!,
            (string)tally["leading"]!));
        Assert.Equal(("yes", "proxy"), ((string)ask["answers"]![_world.People["李奶奶"].ToString()]!["choice"]!,
            (string)ask["answers"]![_world.People["李奶奶"].ToString()]!["channel"]!));
        Assert.Equal(("yes", "link"), ((string)ask["answers"]![_world.People["张一"].ToString()]!["choice"]!,
            (string)ask["answers"]![_world.People["张一"].ToString()]!["channel"]!));
        Assert.Equal(2, (int)instance["variables"]!["result"]!["tally"]!["counts"]!["yes"]!);
        Assert.Equal((3, 2, 1), ((int)instance["outputs"]!["notify"]!["audience"]!, (int)instance["outputs"]!["notify"]!["emailed"]!,
            (int)instance["outputs"]!["notify"]!["withoutEmail"]!));

        foreach (var person in new[] { "张一", "王楼长" })
        {
            var result = await ReceiveAsync(_world.Emails[person], "征询结果：2 户同意加装电梯");
            Assert.Contains($"{person}您好：", result.TextBody, StringComparison.Ordinal);
            Assert.Contains("同意 2 户，不同意 1 户，共 3/3 户答复。多数同意，社区将启动加装程序。", result.TextBody, StringComparison.Ordinal);
        }

        // The question has closed: the link shows what was recorded and takes no change.
        var closed = await _resident.GetStringAsync(zhangLink);
        Assert.Contains("该事项已截止", closed, StringComparison.Ordinal);
        var late = await _resident.PostAsync(zhangLink, new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", "no")]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task AskWithQuorum_TwoOfThreeAnswer_GoesOnWithoutWaitingForTheThird()
    {
        var definition = AskThenNotify($"quorum-{_run}")
            .Replace("\"resultVariable\"", "\"quorum\": { \"type\": \"literal\", \"value\": \"2/3\" },\n\"resultVariable\"", StringComparison.Ordinal)
            .Replace("\"value\": \"3d\"", "\"value\": \"0\"", StringComparison.Ordinal);
        var instanceId = await StartAsync(definition, $"quorum-{_run}", new { groupId = _world.Building5.ToString() });
        // A deadline of 0 is none: the question waits for its answers and its reminder only.
        var waiting = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["waiting"]![0]!["bookmarks"]!.AsArray();
        Assert.Equal(["answer", "reminder"], waiting.Select(b => (string)b!["tag"]!).Order(StringComparer.Ordinal));

        await EmailedLinks.AnswerAsync(_resident, EmailedLinks.LinkIn(await ReceiveAsync(_world.Emails["张一"], "【征询】")), "yes");
        Assert.Equal(["ask"], await WaitingAsync(instanceId));
        await EmailedLinks.AnswerAsync(_resident, EmailedLinks.LinkIn(await ReceiveAsync(_world.Emails["王楼长"], "【征询】")), "yes");

        var ask = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["outputs"]!["ask"]!;
        Assert.Equal(("QuorumReached", 2, 1), ((string)ask["outcome"]!, (int)ask["tally"]!["answered"]!, (int)ask["tally"]!["missing"]!));
        Assert.Equal([_world.People["李奶奶"].ToString()], ask["unanswered"]!.AsArray().Select(v => (string)v!));
        await ReceiveAsync(_world.Emails["张一"], "征询结果：2 户同意加装电梯");
    }

    [Fact]
    public async Task AskWithdrawn_TheInstanceCancelled_ItsLinksSayClosedAndTheHeadHasNothingLeftToAnswer()
    {
        var instanceId = await StartAsync(AskThenNotify($"withdrawn-{_run}"), $"withdrawn-{_run}", new { groupId = _world.Building5.ToString() });
        var link = EmailedLinks.LinkIn(await ReceiveAsync(_world.Emails["张一"], "【征询】"));
        Assert.Contains(await ProxyTitlesAsync(), t => t == "是否同意在5栋加装电梯？");

        Assert.Equal(HttpStatusCode.OK, (await _staff.PostAsync($"/api/instances/{instanceId}/cancel", null)).StatusCode);

        // Nobody waits for the answers any more: the question's tasks closed with the step that cancelled it.
        Assert.Contains("该事项已截止", await _resident.GetStringAsync(link), StringComparison.Ordinal);
        var late = await _resident.PostAsync(link, new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", "yes")]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.DoesNotContain(await ProxyTitlesAsync(), t => t == "是否同意在5栋加装电梯？");
    }

    /// <summary>The titles of the open tasks staff may answer for residents without email.</summary>
    private async Task<IEnumerable<string>> ProxyTitlesAsync() =>
        (await _staff.GetFromJsonAsync<JsonArray>($"/api/communities/{_world.Community}/tasks/for-proxy"))!.Select(t => (string)t!["title"]!);

    [Fact]
    public async Task AskNobodyAnswers_TheDeadlineComes_NotifiesWhatThereIs()
    {
        var instanceId = await StartAsync(AskThenNotify($"deadline-{_run}"), $"deadline-{_run}", new { groupId = _world.Building5.ToString() });

        await AdvanceAndPumpAsync(TimeSpan.FromDays(3) - Tick);
        Assert.Equal(["ask"], await WaitingAsync(instanceId));
        await AdvanceAndPumpAsync(Tick);

        var ask = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["outputs"]!["ask"]!;
        Assert.Equal(("Deadline", 0, 3), ((string)ask["outcome"]!, (int)ask["tally"]!["answered"]!, (int)ask["tally"]!["total"]!));
        var result = await ReceiveAsync(_world.Emails["张一"], "征询结果：0 户同意加装电梯");
        Assert.Contains("共 0/3 户答复。未获多数同意。", result.TextBody, StringComparison.Ordinal);
    }

    /// <summary>A workflow whose form and audience come from its inputs, so that bad values reach the activity at run time.</summary>
    private static string AskFromInputs(string id) => $$$"""
        {
          "id": "{{{id}}}",
          "displayName": { "zh-CN": "按输入征询", "en": "Ask as the inputs say" },
          "inputs": [ { "name": "form", "type": "text" }, { "name": "audience", "type": "text" }, { "name": "ids", "type": "text" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "AskParticipants", "inputs": {
                "title": { "type": "literal", "value": "楼道是否需要增设照明？" },
                "form": { "type": "scriban", "value": "{{ input.form }}" },
                "audience": { "type": "scriban", "value": "{{ input.audience }}" },
                "audienceIds": { "type": "scriban", "value": "{{ input.ids }}" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "ask", "targetPort": "In" },
            { "source": "ask", "sourcePort": "AllAnswered", "target": "end", "targetPort": "In" }
          ]
        }
        """;

    [Fact]
    public async Task BadInput_UnknownFormEmptyAudienceOrAnotherCommunitysPerson_IsAnIncidentWithItsCode_AndAsksNobody()
    {
        // A literal form the activity does not have is refused when the definition is checked, before anything runs.
        var literal = AskThenNotify($"bad-{_run}").Replace("\"value\": \"yes-no\"", "\"value\": \"survey\"", StringComparison.Ordinal);
        var checkedDefinition = await _staff.PostAsync("/api/workflows/validate", new StringContent(literal, Encoding.UTF8, "application/json"));
        var problems = (await checkedDefinition.Content.ReadFromJsonAsync<JsonObject>())!["problems"]!.AsArray();
        Assert.Contains(problems, p => (string)p!["code"]! == "invalid-option" && (string)p["path"]! == "activities[ask].inputs.form");

        var id = $"inputs-{_run}";
        var unknownForm = await StartAsync(AskFromInputs(id), id, new { form = "survey", audience = "building-group", ids = _world.Building5.ToString() });
        var emptyBuilding = await StartAsync(null, id, new { form = "yes-no", audience = "building-group", ids = _world.Building7.ToString() });
        var outsider = await StartAsync(null, id, new { form = "yes-no", audience = "people", ids = $"{_world.People["张一"]},{_world.People["外社区"]}" });
        var unknownAudience = await StartAsync(null, id, new { form = "yes-no", audience = "everyone", ids = "x" });

        Assert.Equal(("ask-form-kind", "活动“ask”的答复方式“survey”无效，可选：yes-no, single-choice, multiple-choice, rsvp, rating, free-text, time-poll, progress-photo。"),
            await IncidentAsync(unknownForm));
        Assert.Equal("audience-empty", (await IncidentAsync(emptyBuilding)).Code);
        var (code, text) = await IncidentAsync(outsider);
        Assert.Equal("audience-not-in-community", code);
        Assert.Contains(_world.People["外社区"].ToString(), text, StringComparison.Ordinal);
        Assert.Equal("audience-kind-unknown", (await IncidentAsync(unknownAudience)).Code);

        // Nobody was asked: no task, no email.
        await using var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        Assert.False(db.Tasks.Any(t => t.CommunityId == _world.Community));
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(_world.Emails["张一"]));
    }

    /// <summary>Notify with filed minutes attached, to a case's panel.</summary>
    private static string NotifyPanel(string id) => $$$"""
        {
          "id": "{{{id}}}",
          "displayName": { "zh-CN": "通知议事小组", "en": "Notify the panel" },
          "inputs": [ { "name": "caseId", "type": "text" }, { "name": "meetingId", "type": "text" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "notify", "type": "Notify", "inputs": {
                "subject": { "type": "scriban", "value": "会议纪要已归档" },
                "body": { "type": "scriban", "value": "请查阅附件中的会议纪要。" },
                "audience": { "type": "literal", "value": "panel" },
                "audienceIds": { "type": "scriban", "value": "{{ input.caseId }}" },
                "attachMinutes": { "type": "scriban", "value": "{{ input.meetingId }}" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "notify", "targetPort": "In" },
            { "source": "notify", "sourcePort": "Done", "target": "end", "targetPort": "In" }
          ]
        }
        """;

    [Fact]
    public async Task Notify_PanelWithFiledMinutes_EachMemberGetsTheDocx_UnknownMinutesIsAnIncident()
    {
        var caseNumber = $"A{_run.ToUpperInvariant()}-2026-001";
        var filed = await _host.Services.GetRequiredService<Deliberation.Civic.Minutes.MinutesArchive>()
            .FileAsync("a" + _run, caseNumber, _host.Time.GetUtcNow(), "zh-CN", "# 5栋电梯会议纪要\n\n- 同意加装电梯\n", CancellationToken.None);
        var meetingId = Guid.NewGuid();
        await using (var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext())
        {
            db.Minutes.Add(new Deliberation.Civic.Minutes.MinutesRecord
            {
                Id = Guid.NewGuid(), CommunityId = _world.Community, CaseId = _world.Case, MeetingId = meetingId, Culture = "zh-CN",
                MarkdownPath = filed.Markdown.Path, MarkdownSha256 = filed.Markdown.Sha256, DocxPath = filed.Docx.Path, DocxSha256 = filed.Docx.Sha256,
                FiledAt = _host.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var id = $"panel-{_run}";
        var sent = await StartAsync(NotifyPanel(id), id, new { caseId = _world.Case.ToString(), meetingId = meetingId.ToString() });

        var output = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{sent}"))!["outputs"]!["notify"]!;
        Assert.Equal((2, 2, 1), ((int)output["audience"]!, (int)output["emailed"]!, (int)output["attachments"]!));
        foreach (var person in new[] { "张一", "刘经理" })
        {
            var mail = await ReceiveAsync(_world.Emails[person], "会议纪要已归档");
            Assert.Contains($"{person}您好：", mail.TextBody, StringComparison.Ordinal);
            var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
            Assert.Equal($"{caseNumber}-会议纪要.docx", attachment.FileName);
            using var content = new MemoryStream();
            await attachment.Content!.DecodeToAsync(content);
            Assert.Equal(filed.DocxContent, content.ToArray());
        }
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(_world.Emails["钱某"])); // left the panel

        var unknown = await StartAsync(null, id, new { caseId = _world.Case.ToString(), meetingId = Guid.NewGuid().ToString() });
        Assert.Equal("notify-minutes-missing", (await IncidentAsync(unknown)).Code);
    }

    private static string AskProgress(string id) => $$$"""
        {
          "id": "{{{id}}}",
          "displayName": { "zh-CN": "楼道照明整改进展", "en": "Stairwell lighting progress" },
          "inputs": [ { "name": "ids", "type": "text", "required": true } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "AskParticipants", "label": "汇报整改进展", "inputs": {
                "title": { "type": "literal", "value": "5栋楼道照明整改进展如何？" },
                "text": { "type": "literal", "value": "请填写完成比例和情况，可附现场照片。" },
                "form": { "type": "literal", "value": "progress-photo" },
                "audience": { "type": "literal", "value": "people" },
                "audienceIds": { "type": "scriban", "value": "{{ input.ids }}" },
                "deadline": { "type": "literal", "value": "3d" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "ask", "targetPort": "In" },
            { "source": "ask", "sourcePort": "AllAnswered", "target": "end", "targetPort": "In" },
            { "source": "ask", "sourcePort": "Deadline", "target": "end", "targetPort": "In" }
          ]
        }
        """;

    /// <summary>
    /// 进展与照片: two people report their progress through their emailed links, one with a photo taken on the answer page;
    /// the output carries each person's latest report and whether it has a photo, which staff fetch from the output and the task.
    /// </summary>
    [Fact]
    public async Task AskProgressWithPhoto_ReportedByLink_OutputsTheLatestReportsAndTheirPhotos()
    {
        var id = $"progress-{_run}";
        var zhang = _world.People["张一"].ToString();
        var head = _world.People["王楼长"].ToString();
        var instanceId = await AskRuns.StartAsync(_staff, _world.Community, AskProgress(id), id, new { ids = $"{zhang},{head}" });

        // The email says how to answer; the page is the progress form with a photo field.
        var zhangMail = await ReceiveAsync(_world.Emails["张一"], "【征询】5栋楼道照明整改进展如何？");
        Assert.Contains("完成进度", zhangMail.TextBody, StringComparison.Ordinal);
        var zhangLink = EmailedLinks.LinkIn(zhangMail);
        var page = await _resident.GetStringAsync(zhangLink);
        Assert.Contains("name=\"percent\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"photo\"", page, StringComparison.Ordinal);

        // 张一 reports 30%, then 60% with a photo from the site; 王楼长 reports done without one.
        await EmailedLinks.ReportProgressAsync(_resident, zhangLink, "30", done: false, "已采购灯具");
        Assert.Equal(["ask"], await AskRuns.WaitingAsync(_staff, instanceId));
        _host.Time.Advance(TimeSpan.FromHours(2));
        var sitePhoto = TestImages.Jpeg(48, 32);
        await EmailedLinks.ReportProgressAsync(_resident, zhangLink, "60", done: false, "一至三层已更换", sitePhoto);
        Assert.Equal(["ask"], await AskRuns.WaitingAsync(_staff, instanceId));
        var headLink = EmailedLinks.LinkIn(await ReceiveAsync(_world.Emails["王楼长"], "【征询】5栋楼道照明整改进展如何？"));
        await EmailedLinks.ReportProgressAsync(_resident, headLink, "", done: true, "全部完成");

        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        var ask = instance["outputs"]!["ask"]!;
        Assert.Equal(("AllAnswered", "progress-photo"), ((string)ask["outcome"]!, (string)ask["kind"]!));
        var zhangAnswer = ask["answers"]![zhang]!;
        Assert.Equal((60, false, "一至三层已更换", true), ((int)zhangAnswer["percent"]!, (bool)zhangAnswer["done"]!, (string)zhangAnswer["comment"]!, (bool)zhangAnswer["photo"]!));
        var headAnswer = ask["answers"]![head]!;
        Assert.Equal((100, true, false), ((int)headAnswer["percent"]!, (bool)headAnswer["done"]!, (bool)headAnswer["photo"]!));
        Assert.Null(headAnswer["answerId"]);
        var tally = ask["tally"]!;
        Assert.Equal((2, 80.0, 1, 1), ((int)tally["answered"]!, (double)tally["average"]!, (int)tally["done"]!, (int)tally["withPhoto"]!));

        // Staff fetch the photo by the task and answer the output names, re-encoded as every photo is; the task shows its URL too.
        var taskId = (string)zhangAnswer["taskId"]!;
        var photoUrl = $"/api/communities/{_world.Community}/tasks/{taskId}/answers/{(string)zhangAnswer["answerId"]!}/photo";
        var photo = await _staff.GetAsync(photoUrl);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        var (width, height, _) = TestImages.Decode(await photo.Content.ReadAsByteArrayAsync(), 0, 0);
        Assert.Equal((48, 32), (width, height));
        var task = (await _staff.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Equal(photoUrl, (string)task["current"]!["photoUrl"]!);
        Assert.Null(task["history"]!.AsArray()[0]!["photoUrl"]);
    }

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Publishes the definition (when given) and starts an instance of it in the world's community.</summary>
    private Task<string> StartAsync(string? definition, string id, object input) => AskRuns.StartAsync(_staff, _world.Community, definition, id, input);

    /// <summary>The one open incident of the instance: its code, and its text as a Chinese reader gets it.</summary>
    private async Task<(string Code, string Text)> IncidentAsync(string instanceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/instances/{instanceId}");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var instance = (await (await _staff.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
        var incident = Assert.Single(instance["incidents"]!.AsArray())!;
        return ((string)incident["code"]!, (string)incident["text"]!);
    }

    private async Task AdvanceAndPumpAsync(TimeSpan by)
    {
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    /// <summary>The ids of the activities the instance waits in; it has no incident.</summary>
    private Task<string[]> WaitingAsync(string instanceId) => AskRuns.WaitingAsync(_staff, instanceId);

    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) => EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);
}
