using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Issues;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Implementation;

/// <summary>
/// Step 5 (推动落实) with workflows/fanshi-step5.json as imported at start-up: staff create action items through the API, the
/// workflow assigns them, people report progress and "done" through the links in the emails a real SMTP server (aiosmtpd)
/// received, the follow-up (回访) is answered by link and the case closes with its public notice; an overdue item is
/// escalated; a reminder due in the quiet hours arrives at 07:00 Beijing time. Fake time, timers pumped explicitly.
/// On SQLite here, on PostgreSQL in <see cref="StepFivePostgresTests"/>.
/// </summary>
[Trait("Category", "Deliberation")]
public class StepFiveTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;
    private HttpClient _resident = null!;

    /// <summary>The database settings of the host: none (SQLite in the data folder) here.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

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
        var database = await DatabaseSettingsAsync(_run);
        foreach (var (key, value) in database) _host.Settings[key] = value;
        _staff = _host.CreateClient();
        Assert.Equal(database.ContainsKey("Deliberation:Database:Provider"), _host.Services.GetRequiredService<DeliberationDatabase>().IsPostgres);
        _resident = _host.CreateAnonymousClient();
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        _resident.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task FollowUpAfter_SixtyDays_TheFollowUpStartsThenAndNotWhenTheLastItemIsDone()
    {
        var world = await SeedAsync();
        await CreateItemAsync(world, "制定电梯使用公约并张贴", "业委会", "陈主任", _host.Time.GetUtcNow().AddDays(5));
        var instanceId = await StartAsync(world, new { caseId = world.Case.ToString(), followUpAfter = "60d" });
        var link = EmailedLinks.LinkIn(await ReceiveAsync(world.Emails["陈主任"], "请落实并汇报进展"));

        await ReportAsync(link, "100", done: true, "公约已张贴", null);

        // Done, but the committee follows up two months later: nobody is asked yet.
        Assert.Equal(["followUpDelay"], await WaitingAsync(instanceId));
        await _host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(world.Emails["张一"]) && (m.Message.Subject ?? "").Contains("回访", StringComparison.Ordinal));
        await AdvanceAndPumpAsync(TimeSpan.FromDays(60) - Tick);
        Assert.Equal(["followUpDelay"], await WaitingAsync(instanceId));
        await AdvanceAndPumpAsync(Tick);
        Assert.Equal(["followUpAnswered", "followUpCloses"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        Assert.Contains("回访", (await ReceiveAsync(world.Emails["张一"], "回访")).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionItems_ReportedDoneByLink_FollowUpAnswered_CaseClosesWithPublicNotice()
    {
        var world = await SeedAsync();
        var t0 = _host.Time.GetUtcNow();
        var lift = await CreateItemAsync(world, "更换5栋电梯控制柜", "物业公司", "刘经理", t0.AddDays(10), budget: 12000.5m, funding: "住户分摊");
        var rules = await CreateItemAsync(world, "制定电梯使用公约并张贴", "业委会", "陈主任", t0.AddDays(5));

        var instanceId = await StartAsync(world);
        // Each item waits for its reminder, its due date and its done report, inside the ForEach (itself listed as waiting).
        Assert.Equal(["dueDate", "dueDate", "itemDone", "itemDone", "items", "reminderDue", "reminderDue"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));

        // The assignment emails carry each item's link, party, deadline and budget.
        var liuMail = await ReceiveAsync(world.Emails["刘经理"], "请落实并汇报进展");
        Assert.Contains("责任方：物业公司", liuMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("预算：12,000.5 元", liuMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("资金来源：住户分摊", liuMail.TextBody, StringComparison.Ordinal);
        var chenMail = await ReceiveAsync(world.Emails["陈主任"], "请落实并汇报进展");
        var liuLink = EmailedLinks.LinkIn(liuMail);
        var chenLink = EmailedLinks.LinkIn(chenMail);

        // The page shows the progress form; 刘经理 reports 60% with a photo.
        var page = await _resident.GetStringAsync(liuLink);
        Assert.Contains("name=\"percent\"", page, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        // The photo comes from a phone, with the GPS position where it was taken.
        var sitePhoto = TestImages.WithExif(TestImages.Jpeg(48, 32), gps: TestImages.Dalong);
        Assert.NotNull(TestImages.GpsOf(sitePhoto));
        await ReportAsync(liuLink, "60", done: false, "控制柜已到货，正在安装", sitePhoto);
        var listed = await ItemsAsync(world);
        var liftView = Item(listed, lift);
        Assert.Equal((60, "open"), ((int)liftView["percent"]!, (string)liftView["status"]!));
        var report = Assert.Single(liftView["reports"]!.AsArray())!;
        Assert.Equal(("控制柜已到货，正在安装", "link", false), ((string)report["note"]!, (string)report["channel"]!, (bool)report["done"]!));
        var photo = await _staff.GetAsync((string)report["photoUrl"]!);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        var served = await photo.Content.ReadAsByteArrayAsync();
        Assert.Null(TestImages.GpsOf(served));
        Assert.False(TestImages.HasExif(served));
        var (photoWidth, photoHeight, _) = TestImages.Decode(served, 0, 0);
        Assert.Equal((48, 32), (photoWidth, photoHeight));
        Assert.Equal((0, 30), ((int)listed["overall"]!["done"]!, (int)listed["overall"]!["percent"]!));
        Assert.Equal(7, (await WaitingAsync(instanceId)).Length); // a report short of done resumes nothing

        // Both report done by link: each item's wait ends, its timers go, and the follow-up starts.
        await ReportAsync(liuLink, "", done: true, "已更换完毕并通过验收", null);
        Assert.Equal(["dueDate", "itemDone", "items", "reminderDue"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        _host.Time.Advance(TimeSpan.FromHours(1));
        await ReportAsync(chenLink, "100", done: true, null, null);
        Assert.Equal(["followUpAnswered", "followUpCloses"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        listed = await ItemsAsync(world);
        Assert.Equal((2, 100, true), ((int)listed["overall"]!["done"]!, (int)listed["overall"]!["percent"]!, (bool)listed["overall"]!["allDone"]!));
        Assert.All(listed["items"]!.AsArray(), i => Assert.Equal("done", (string)i!["status"]!));

        // A done item's link shows what was recorded and takes no more reports.
        var closedPage = await _resident.GetStringAsync(chenLink);
        Assert.Contains("已截止", closedPage, StringComparison.Ordinal);
        Assert.Contains("已完成", closedPage, StringComparison.Ordinal);

        // The follow-up reaches the representative, who answers 满意 with a comment; the case closes without waiting for the window.
        var followUp = await ReceiveAsync(world.Emails["张一"], "回访");
        Assert.Contains("物业公司：更换5栋电梯控制柜", followUp.TextBody, StringComparison.Ordinal);
        var answered = await _resident.PostAsync(EmailedLinks.LinkIn(followUp), new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("choice", "satisfied"), new KeyValuePair<string, string>("comment", "电梯运行正常了，感谢各方")]));
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());

        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        Assert.Empty(instance["incidents"]!.AsArray());
        // The workflow's record of the closing counts the answer that triggered it, as the notice does (read in one unit of work).
        var closing = instance["outputs"]!["close"]!;
        Assert.Equal((1, 0, 0, 0), ((int)closing["satisfied"]!, (int)closing["fairlySatisfied"]!, (int)closing["dissatisfied"]!, (int)closing["noAnswer"]!));

        // The public notice of the result reaches the building head of 5栋: who did what, and the satisfaction summary.
        var notice = await ReceiveAsync(world.Emails["王楼长"], "【结案公示】");
        Assert.Contains(world.CaseNumber, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("物业公司：更换5栋电梯控制柜", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("业委会：制定电梯使用公约并张贴", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("满意 1 人、基本满意 0 人、不满意 0 人，未答复 0 人", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("电梯运行正常了，感谢各方", notice.TextBody, StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        Assert.NotNull((await db.Cases.SingleAsync(c => c.Id == world.Case)).ClosedAt);
        Assert.Equal(ComplaintStatus.Closed, (await db.Complaints.SingleAsync(c => c.Id == world.Complaint)).Status);
        Assert.Empty(await EscalationsAsync(world));
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(world.StreetOffice));
        Assert.Equal(rules, (string)Item(listed, rules)["id"]!);
    }

    [Fact]
    public async Task OverdueActionItem_IsEscalatedToTheContactsAndStaff_AndListedUntilAcknowledged()
    {
        var world = await SeedAsync();
        var staffEmail = await StaffAccountAsync(world);
        var t0 = _host.Time.GetUtcNow();
        var item = await CreateItemAsync(world, "修复5栋门禁", "物业公司", "刘经理", t0.AddDays(2));
        var instanceId = await StartAsync(world);
        // Due in two days: a reminder three days before would be in the past, so none is planned.
        Assert.Equal(["dueDate", "itemDone", "items"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        Assert.Null(Item(await ItemsAsync(world), item)["reminderAt"]);
        await ReportAsync(EmailedLinks.LinkIn(await ReceiveAsync(world.Emails["刘经理"], "请落实并汇报进展")), "40", done: false, "配件缺货", null);

        // Not a tick before the due date …
        await AdvanceAndPumpAsync(TimeSpan.FromDays(2) - Tick);
        Assert.Empty(await EscalationsAsync(world));

        // … at it: the street office and the community's staff get the escalation, and the dashboard lists it.
        await AdvanceAndPumpAsync(Tick);
        var mail = await ReceiveAsync(world.StreetOffice, "【需协调】");
        Assert.Contains("任务逾期", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("修复5栋门禁", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("目前进度：40%", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("配件缺货", mail.TextBody, StringComparison.Ordinal);
        await ReceiveAsync(staffEmail, "【需协调】");
        var escalation = Assert.Single(await EscalationsAsync(world))!;
        Assert.Equal(("action-item-overdue", item, world.Case.ToString(), 2, true), ((string)escalation["kind"]!, (string)escalation["relatedId"]!,
            (string)escalation["caseId"]!, (int)escalation["notified"]!, (bool)escalation["open"]!));
        Assert.True((bool)Item(await ItemsAsync(world), item)["overdue"]!);
        Assert.Equal(["itemDone", "items"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal)); // still waiting for the item to be done

        var acknowledged = await _staff.PostAsync($"{world.Api}/escalations/{escalation["id"]}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Empty(await EscalationsAsync(world));
        Assert.Single((await _staff.GetFromJsonAsync<JsonArray>($"{world.Api}/escalations?all=true"))!);
        var again = await _staff.PostAsync($"{world.Api}/escalations/{escalation["id"]}/acknowledge", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("escalation-acknowledged", (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
    }

    [Fact]
    public async Task ItemWithoutPerson_StaffReportDone_ResumesTheWorkflow()
    {
        var world = await SeedAsync();
        var response = await _staff.PostAsJsonAsync($"{world.Api}/cases/{world.Case}/action-items",
            new { title = "协调供电局检查线路", responsibleParty = "社区居委会", dueAt = _host.Time.GetUtcNow().AddDays(7) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var instanceId = await StartAsync(world);
        Assert.Null(Item(await ItemsAsync(world), item)["taskId"]); // nobody to send a link to

        var half = await _staff.PostAsJsonAsync($"{world.Api}/action-items/{item}/progress", new { report = new { percent = 50, comment = "已约供电局" } });
        Assert.Equal(HttpStatusCode.OK, half.StatusCode);
        Assert.Equal(["dueDate", "itemDone", "items", "reminderDue"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        var done = await _staff.PostAsJsonAsync($"{world.Api}/action-items/{item}/progress", new { report = new { done = true, comment = "线路已检修" } });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var view = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("done", 100), ((string)view["status"]!, (int)view["percent"]!));
        Assert.All(view["reports"]!.AsArray(), r => Assert.Equal("proxy", (string)r!["channel"]!));
        Assert.Equal(["followUpAnswered", "followUpCloses"], (await WaitingAsync(instanceId)).Order(StringComparer.Ordinal));
        var again = await _staff.PostAsJsonAsync($"{world.Api}/action-items/{item}/progress", new { report = new { percent = 10 } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task RaiseAsync_FromOtherSteps_EmailsOnceAndRefusesBadRequests()
    {
        var world = await SeedAsync();
        var staffEmail = await StaffAccountAsync(world);
        var store = _host.Services.GetRequiredService<EscalationStore>();
        var meeting = Guid.NewGuid();
        var request = new EscalationRequest(world.Community, world.Case, EscalationKinds.RoundsExhausted, "三轮表决仍未形成决议",
            "议事会已进行三轮表决，均未达到三分之二多数，请街道协调。", meeting);

        var first = await store.RaiseAsync(request, CancellationToken.None);
        var second = await store.RaiseAsync(request with { Subject = "重复" }, CancellationToken.None);

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal(first.Escalation.Id, second.Escalation.Id);
        var mail = await ReceiveAsync(world.StreetOffice, "多轮表决仍未形成决议");
        Assert.Contains("请街道协调", mail.TextBody, StringComparison.Ordinal);
        await ReceiveAsync(staffEmail, "多轮表决仍未形成决议");
        Assert.Equal(1, smtp.ReadMessages().Count(m => m.Recipients.Contains(world.StreetOffice)));
        Assert.Equal("rounds-exhausted", (string)Assert.Single(await EscalationsAsync(world))!["kind"]!);

        var refused = await Assert.ThrowsAsync<Deliberation.Engine.Runtime.WorkflowException>(() =>
            store.RaiseAsync(new EscalationRequest(world.Community, Guid.NewGuid(), "Not A Kind", "", "x"), CancellationToken.None));
        Assert.Equal("invalid-input", refused.Code);
        Assert.Equal(["caseId", "kind", "subject"], refused.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Single(await EscalationsAsync(world));
    }

    [Fact]
    public async Task RaiseEscalationActivity_InALoop_EscalatesOnceWithTheStep()
    {
        var world = await SeedAsync();
        // A round loop as steps 3–4 might draw it: each pass escalates with the same relatedId, so only the first emails.
        var definition = new JsonObject
        {
            ["id"] = "escalate-" + _run,
            ["inputs"] = new JsonArray(new JsonObject { ["name"] = "caseId", ["type"] = "text", ["required"] = true }),
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject
                {
                    ["id"] = "raise", ["type"] = "RaiseEscalation", ["inputs"] = new JsonObject
                    {
                        ["kind"] = new JsonObject { ["type"] = "literal", ["value"] = "quorum-not-reached" },
                        ["subject"] = new JsonObject { ["type"] = "literal", ["value"] = "确认参会人数未达法定人数" },
                        ["body"] = new JsonObject { ["type"] = "scriban", ["value"] = "议事会确认参会 2 人，未达法定人数 4 人（实例 {{ instance.id }}）。请协调。" },
                        ["caseId"] = new JsonObject { ["type"] = "scriban", ["value"] = "{{ input.caseId }}" },
                        ["relatedId"] = new JsonObject { ["type"] = "scriban", ["value"] = "{{ input.caseId }}" },
                    },
                },
                new JsonObject { ["id"] = "again", ["type"] = "WaitForSignal", ["inputs"] = new JsonObject { ["signal"] = new JsonObject { ["type"] = "literal", ["value"] = "again" } } }),
            ["connections"] = new JsonArray(
                new JsonObject { ["source"] = "start", ["sourcePort"] = "Done", ["target"] = "raise" },
                new JsonObject { ["source"] = "raise", ["sourcePort"] = "Done", ["target"] = "again" },
                new JsonObject { ["source"] = "again", ["sourcePort"] = "Received", ["target"] = "raise" }),
        };
        var saved = await _staff.PutAsync($"/api/workflows/escalate-{_run}", new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _staff.PostAsync($"/api/workflows/escalate-{_run}/versions/1/publish", null)).StatusCode);
        var started = await _staff.PostAsJsonAsync("/api/instances",
            new { definitionId = "escalate-" + _run, input = new { caseId = world.Case.ToString() }, communityId = world.Community });
        var instanceId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;
        Assert.Equal(["again"], await WaitingAsync(instanceId));
        Assert.Equal(HttpStatusCode.OK, (await _staff.PostAsJsonAsync($"/api/instances/{instanceId}/signals/again", new { })).StatusCode);
        Assert.Equal(["again"], await WaitingAsync(instanceId));

        var mail = await ReceiveAsync(world.StreetOffice, "参会人数未达法定人数");
        Assert.Contains("未达法定人数 4 人", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(world.CaseNumber, mail.TextBody, StringComparison.Ordinal);
        var escalation = Assert.Single(await EscalationsAsync(world))!;
        Assert.Equal(("quorum-not-reached", instanceId), ((string)escalation["kind"]!, (string)escalation["instanceId"]!));
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.Equal(1, smtp.ReadMessages().Count(m => m.Recipients.Contains(world.StreetOffice)));
    }

    [Fact]
    public async Task ReminderDueInTheQuietHours_IsReceivedAt0700Beijing()
    {
        var world = await SeedAsync();
        // Due 2026-11-28 01:00 Beijing: three days before is 01:00 on the 25th, in the quiet hours, so the reminder goes at 07:00.
        var due = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.FromHours(8));
        var sevenAm = new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.FromHours(8));
        var item = await CreateItemAsync(world, "清理5栋楼道杂物", "物业公司", "刘经理", due);
        await StartAsync(world);
        Assert.Equal(sevenAm, DateTimeOffset.Parse((string)Item(await ItemsAsync(world), item)["reminderAt"]!, CultureInfo.InvariantCulture));
        await ReceiveAsync(world.Emails["刘经理"], "请落实并汇报进展");

        await AdvanceAndPumpAsync(due.AddDays(-3) - _host.Time.GetUtcNow());
        await AdvanceAndPumpAsync(sevenAm - Tick - _host.Time.GetUtcNow());
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(world.Emails["刘经理"]) && (m.Message.Subject ?? "").StartsWith("提醒", StringComparison.Ordinal));

        await AdvanceAndPumpAsync(Tick);
        var reminder = await ReceiveAsync(world.Emails["刘经理"], "提醒：任务将于");
        Assert.Contains("2026年11月28日 01:00", reminder.Subject, StringComparison.Ordinal);
        Assert.Equal(sevenAm, reminder.Date);
        Assert.NotNull(Item(await ItemsAsync(world), item)["remindedAt"]);
    }

    [Fact]
    public async Task BadInput_AnswersProblemDetailsByField_AndChangesNothing()
    {
        var world = await SeedAsync();
        var t0 = _host.Time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{world.Api}/cases/{world.Case}/action-items")
        {
            Content = JsonContent.Create(new { title = " ", responsibleParty = "物业公司", personId = Guid.NewGuid(), dueAt = t0.AddDays(-1), budget = -5m }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await _staff.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("invalid-input", "流程输入缺失或有误"), ((string)problem["code"]!, (string)problem["title"]!));
        Assert.Equal(["budget", "dueAt", "personId", "title"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty((await ItemsAsync(world))["items"]!.AsArray());

        var unknownCase = await _staff.PostAsJsonAsync($"{world.Api}/cases/{Guid.NewGuid()}/action-items",
            new { title = "x", responsibleParty = "物业公司", dueAt = t0.AddDays(1) });
        Assert.Equal(HttpStatusCode.NotFound, unknownCase.StatusCode);

        var contacts = await _staff.PutAsJsonAsync($"{world.Api}/escalation-contacts", new { escalationEmails = "jiedao@example.gov.cn, not-an-address" });
        Assert.Equal(HttpStatusCode.BadRequest, contacts.StatusCode);
        Assert.True((await contacts.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("escalationEmails"));
        Assert.Equal(world.StreetOffice, (string)(await _staff.GetFromJsonAsync<JsonObject>(world.Api))!["escalationEmails"]!);
        var changed = await _staff.PutAsJsonAsync($"{world.Api}/escalation-contacts", new { escalationEmails = "jiedao@example.gov.cn;wangge@example.gov.cn" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("jiedao@example.gov.cn,wangge@example.gov.cn", (string)(await changed.Content.ReadFromJsonAsync<JsonObject>())!["escalationEmails"]!);

        // A report out of range by link is refused on the page, and nothing is recorded.
        var item = await CreateItemAsync(world, "修复5栋门禁", "物业公司", "刘经理", t0.AddDays(20));
        await StartAsync(world);
        var link = EmailedLinks.LinkIn(await ReceiveAsync(world.Emails["刘经理"], "请落实并汇报进展"));
        var tooMuch = await PostReportAsync(link, "150", done: false, null, null);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("0 到 100", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notAPhoto = await PostReportAsync(link, "10", done: false, null, "GIF89a not accepted"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notAPhoto.StatusCode);
        Assert.Contains("JPEG、PNG 或 WebP", await notAPhoto.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var polyglot = await PostReportAsync(link, "10", done: false, null, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "<script>alert(1)</script>"u8]);
        Assert.Equal(HttpStatusCode.BadRequest, polyglot.StatusCode);
        Assert.Contains("JPEG、PNG 或 WebP", await polyglot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var huge = await PostReportAsync(link, "10", done: false, null, TestImages.ClaimingSize(TestImages.Jpeg(), 9000, 6000));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("照片像素过多（超过 40 百万像素）", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = Item(await ItemsAsync(world), item);
        Assert.Equal((0, 0), ((int)view["percent"]!, view["reports"]!.AsArray().Count));

        var staffReport = await _staff.PostAsJsonAsync($"{world.Api}/action-items/{item}/progress", new { report = new { percent = 101 } });
        Assert.Equal(HttpStatusCode.BadRequest, staffReport.StatusCode);
        Assert.Equal("invalid-answer", (string)(await staffReport.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Empty(Item(await ItemsAsync(world), item)["reports"]!.AsArray());
    }

    private async Task<ImplementationWorld> SeedAsync() => await ImplementationWorld.SeedAsync(Database, _host.Time.GetUtcNow(), _run);

    private DeliberationDatabase Database => _host.Services.GetRequiredService<DeliberationDatabase>();

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>A committee staff account of the community (escalations are emailed to it).</summary>
    private async Task<string> StaffAccountAsync(ImplementationWorld world)
    {
        var email = $"staff-{_run}@test.local";
        var created = await _staff.PostAsJsonAsync("/api/users", new
        {
            email, displayName = "李社工", password = "a-long-enough-password", roles = new[] { "CommitteeStaff" }, communityIds = new[] { world.Community },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    private async Task<string> CreateItemAsync(ImplementationWorld world, string title, string party, string person, DateTimeOffset dueAt,
        decimal? budget = null, string? funding = null)
    {
        var response = await _staff.PostAsJsonAsync($"{world.Api}/cases/{world.Case}/action-items",
            new { title, responsibleParty = party, personId = world.People[person], dueAt, budget, fundingSource = funding });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    private Task<string> StartAsync(ImplementationWorld world) => StartAsync(world, new { caseId = world.Case.ToString() });

    [Fact]
    public async Task AStepThatFaults_StaffAreToldOnceByEmail_InChineseWithThePageToOpen()
    {
        var world = await SeedAsync();
        // No action items were entered: assigning them faults, and the instance waits for staff.
        var instanceId = await StartAsync(world, new { caseId = world.Case.ToString() });
        var alerts = _host.Services.GetRequiredService<Deliberation.Host.Hosting.IncidentAlerts>();

        var told = await alerts.NotifyAsync(CancellationToken.None);
        var again = await alerts.NotifyAsync(CancellationToken.None);

        Assert.Equal(1, told);
        Assert.Equal(0, again);
        var email = await ReceiveAsync(TestAccounts.AdminEmail, "流程出现故障");
        Assert.Contains(world.CaseNumber, email.Subject, StringComparison.Ordinal);
        Assert.Contains("该案件还没有落实任务，请先添加。", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/deliberations/{instanceId}", email.TextBody, StringComparison.Ordinal);
    }

    private async Task<string> StartAsync(ImplementationWorld world, object input)
    {
        var response = await _staff.PostAsJsonAsync("/api/instances",
            new { definitionId = "fanshi-step5", input, communityId = world.Community, correlationId = world.CaseNumber });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (string)JsonNode.Parse(text)!["instanceId"]!;
    }

    private async Task<JsonObject> ItemsAsync(ImplementationWorld world) =>
        (await _staff.GetFromJsonAsync<JsonObject>($"{world.Api}/cases/{world.Case}/action-items"))!;

    private static JsonNode Item(JsonObject list, string id) => list["items"]!.AsArray().Single(i => (string)i!["id"]! == id)!;

    private async Task<JsonArray> EscalationsAsync(ImplementationWorld world) =>
        (await _staff.GetFromJsonAsync<JsonArray>($"{world.Api}/escalations"))!;

    private async Task ReportAsync(string link, string percent, bool done, string? note, byte[]? photo)
    {
        var response = await PostReportAsync(link, percent, done, note, photo);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("已记录您的答复", text, StringComparison.Ordinal);
    }

    /// <summary>Posts the progress form as a browser does: multipart, the photo as a file field.</summary>
    private async Task<HttpResponseMessage> PostReportAsync(string link, string percent, bool done, string? note, byte[]? photo)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(percent), "percent" },
            { new StringContent(note ?? ""), "comment" },
        };
        if (done) form.Add(new StringContent("true"), "done");
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", "site.jpg");
        }
        return await _resident.PostAsync(link, form);
    }

    private async Task AdvanceAndPumpAsync(TimeSpan by)
    {
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    /// <summary>The ids of the activities the instance waits in; it has no incident.</summary>
    private async Task<string[]> WaitingAsync(string instanceId)
    {
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).ToArray();
    }

    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) => EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);
}
