using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Responses;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Responses;

/// <summary>
/// 限时响应 with workflows/xiangying-shixian.json as imported at start-up, a real SMTP server (aiosmtpd) and a fake clock: a
/// missed 4-hour deadline climbs from the grid worker to the community and then the street office, each level emailed its
/// own link and each climb listed on the dashboard; a grid worker who answers in time by link records the response time
/// and nothing is escalated; bad inputs become incidents with stable codes and send nothing. On SQLite here, on PostgreSQL
/// in <see cref="RespondWithinPostgresTests"/>.
/// </summary>
[Trait("Category", "Deliberation")]
public class RespondWithinTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;
    private HttpClient _visitor = null!;
    private Guid _gridWorker;

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
        foreach (var (key, value) in await DatabaseSettingsAsync(_run)) _host.Settings[key] = value;
        _staff = _host.CreateClient();
        _visitor = _host.CreateAnonymousClient();
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        _visitor.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task MissedFourHourDeadline_EscalatesToTheCommunityThenTheStreetOffice_AndStaysEscalated()
    {
        var world = await SeedAsync();
        var staffEmail = await StaffAccountAsync(world);
        var t0 = _host.Time.GetUtcNow();
        var instanceId = await StartAsync(world, new { subject = "5栋楼道灯不亮", description = "三楼到六楼楼道灯都不亮", complaintId = world.Complaint, deadlineClass = "on-site" });

        // The grid worker of 5栋 (not the one of 西苑) gets the task with its link and the deadline four hours after the complaint was logged.
        var gridMail = await ReceiveAsync(world.Emails["李网格"], "【限时响应】");
        Assert.Contains("2026年11月23日 13:00", gridMail.Subject, StringComparison.Ordinal);
        Assert.Contains("处理时限：网格即时处理（4小时），每级 4小时", gridMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("逾期未处理的，将升级至社区处理", gridMail.TextBody, StringComparison.Ordinal);
        var gridLink = EmailedLinks.LinkIn(gridMail);
        Assert.Equal(["respond"], await WaitingAsync(instanceId));
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(world.Emails["赵网格"]));

        // Not a tick before the deadline …
        await AdvanceAndPumpAsync(FourHours - Tick);
        Assert.Empty(await EscalationsAsync(world));

        // … at it: the community lead gets the task with a fresh four hours, the staff the escalation; the street office nothing yet.
        await AdvanceAndPumpAsync(Tick);
        var communityMail = await ReceiveAsync(world.Emails["张书记"], "【限时响应·已升级】");
        Assert.Contains("网格员（李网格）未在2026年11月23日 13:00（北京时间）前处理到位，已升级至社区（张书记）", communityMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("新的处理期限为2026年11月23日 17:00", communityMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("逾期未处理的，将升级至街道处理", communityMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("网格员未在4小时内处理：5栋楼道灯不亮", (await ReceiveAsync(staffEmail, "【需协调】")).Subject, StringComparison.Ordinal);
        var first = Assert.Single(await EscalationsAsync(world))!;
        Assert.Equal(("response-overdue", instanceId), ((string)first["kind"]!, (string)first["instanceId"]!));
        Assert.Equal(("open", "community", 1), ((string)first["response"]!["status"]!, (string)first["response"]!["level"]!, (int)first["response"]!["escalations"]!));
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Any(r => r.Equals(world.StreetOffice, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(["respond"], await WaitingAsync(instanceId));

        // Four hours later the community has missed it too: the street office's 王主任 gets the task by link, the staff the second escalation.
        await AdvanceAndPumpAsync(FourHours);
        var streetMail = await ReceiveAsync(world.Emails["王主任"], "【限时响应·已升级】");
        Assert.Contains("社区（张书记）未在2026年11月23日 17:00（北京时间）前处理到位，已升级至街道（王主任）", streetMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("将列入社区工作台的上报事项", streetMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("社区未在4小时内处理", (await ReceiveAsync(staffEmail, "社区未在4小时内处理")).Subject, StringComparison.Ordinal);
        Assert.Equal(2, (await EscalationsAsync(world)).Count);
        // 王主任 is the escalation contact too: the task's email, with its link, is the one they get, not a second one.
        Assert.Single(smtp.ReadMessages(), m => m.Recipients.Any(r => r.Equals(world.StreetOffice, StringComparison.OrdinalIgnoreCase)));

        // The street office misses it as well: the workflow ends unhandled and asks the staff and the contacts to step in.
        await AdvanceAndPumpAsync(FourHours);
        var instance = await InstanceAsync(instanceId);
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        var output = instance["outputs"]!["respond"]!;
        Assert.Equal((false, "street", 2, null), ((bool)output["handled"]!, (string)output["level"]!, (int)output["escalations"]!, (string?)output["respondedAfter"]));
        await ReceiveAsync(world.StreetOffice, "逐级升级后仍未处理");
        var escalations = await EscalationsAsync(world);
        Assert.Equal(["response-overdue", "response-overdue", "response-unhandled"], escalations.Select(e => (string)e!["kind"]!).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await EscalationsAsync(world)).Count);

        // The grid worker reports it handled at last: recorded as handled late, by the grid level.
        await AnswerAsync(gridLink, "已更换三至六楼灯泡");
        await using var db = Database.CreateContext();
        var response = await db.TimedResponses.SingleAsync(r => r.CommunityId == world.Community);
        Assert.Equal((ResponseStatuses.Handled, 1, 3, world.People["李网格"]), (response.Status, response.HandledLevel, response.Level, response.HandledByPersonId));
        Assert.Equal(TimeSpan.FromHours(12), response.RespondedAfter());
        Assert.False(response.HandledInTime());
        Assert.Equal(t0, response.ReportedAt);
        // The dashboard shows each escalation with where the matter stands now: handled by the grid worker, late, after 12 hours.
        Assert.All(await EscalationsAsync(world), e => Assert.Equal(("handled", "grid", 720, false),
            ((string)e!["response"]!["status"]!, (string)e["response"]!["level"]!, (int)e["response"]!["respondedMinutes"]!, (bool)e["response"]!["inTime"]!)));
    }

    [Fact]
    public async Task GridWorkerAnswersInTime_RecordsTheResponseTime_AndNothingIsEscalated()
    {
        var world = await SeedAsync();
        var instanceId = await StartAsync(world, new { subject = "5栋楼道灯不亮", complaintId = world.Complaint, deadlineClass = "on-site" });
        var link = EmailedLinks.LinkIn(await ReceiveAsync(world.Emails["李网格"], "【限时响应】"));
        var page = await _visitor.GetStringAsync(link);
        Assert.Contains("限时响应", page, StringComparison.Ordinal);
        Assert.Contains("name=\"comment\"", page, StringComparison.Ordinal);

        await AdvanceAndPumpAsync(TimeSpan.FromHours(3));
        await AnswerAsync(link, "已更换灯泡，楼道灯恢复正常");

        var instance = await InstanceAsync(instanceId);
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        var output = instance["outputs"]!["respond"]!;
        Assert.Equal((true, "grid", "网格员", 0), ((bool)output["handled"]!, (string)output["level"]!, (string)output["levelName"]!, (int)output["escalations"]!));
        Assert.Equal(("PT3H", 180, world.People["李网格"].ToString()), ((string)output["respondedAfter"]!, (int)output["respondedMinutes"]!, (string)output["handledBy"]!));

        // The deadline passes with nothing left to escalate: the timer went with the wait.
        await AdvanceAndPumpAsync(TimeSpan.FromHours(5));
        Assert.Empty(await EscalationsAsync(world));
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(world.Emails["张书记"]));
        await using var db = Database.CreateContext();
        var response = await db.TimedResponses.SingleAsync(r => r.CommunityId == world.Community);
        Assert.Equal((ResponseStatuses.Handled, 1, true), (response.Status, response.HandledLevel, response.HandledInTime()));
        Assert.Equal(TimeSpan.FromHours(3), response.RespondedAfter());
        Assert.Contains("此事项已处理完毕", await _visitor.GetStringAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAStableCode_AndSendsNothing()
    {
        var world = await SeedAsync();

        // The workflow's class is a dropdown: another value is refused at the start.
        var refused = await _staff.PostAsJsonAsync("/api/instances",
            new { definitionId = "xiangying-shixian", input = new { subject = "楼道灯不亮", deadlineClass = "urgent" }, communityId = world.Community });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid-input", (string)problem["code"]!);
        Assert.Contains("deadlineClass", problem["errors"]!.AsObject().Select(e => e.Key));

        // A grid worker of another community: the step stops with its code, and nobody is asked.
        var stranger = await StartAsync(world, new { subject = "楼道灯不亮", complaintId = world.Complaint, gridWorkerId = world.Stranger });
        Assert.Equal("respond-person-unknown", await IncidentCodeAsync(stranger));

        // A ladder going down, and a deadline of nothing.
        Assert.Equal("respond-ladder", await IncidentCodeAsync(await StartAsync(world, new { subject = "楼道灯不亮", complaintId = world.Complaint, ladder = "street,grid" })));
        Assert.Equal("respond-deadline", await IncidentCodeAsync(await StartAsync(world, new { subject = "楼道灯不亮", complaintId = world.Complaint, deadline = "0s" })));

        // Without a complaint nobody finds the grid worker.
        Assert.Equal("respond-no-grid-worker", await IncidentCodeAsync(await StartAsync(world, new { subject = "楼道灯不亮" })));

        // A class the activity does not know: a designer naming it is refused on save; a value that comes at run time stops the step.
        var literal = Definition("\"type\": \"literal\", \"value\": \"urgent\"");
        var notSaved = await _staff.PutAsync($"/api/workflows/respond-{_run}", new StringContent(literal, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notSaved.StatusCode);
        Assert.Equal("invalid-option", (string)(await notSaved.Content.ReadFromJsonAsync<JsonObject>())!["problems"]![0]!["code"]!);
        var scripted = Definition("\"type\": \"scriban\", \"value\": \"{{ input.kind }}\"");
        var saved = await _staff.PutAsync($"/api/workflows/respond-{_run}", new StringContent(scripted, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _staff.PostAsync($"/api/workflows/respond-{_run}/versions/1/publish", null)).StatusCode);
        var unknown = await StartAsync(world, new { kind = "urgent" }, $"respond-{_run}");
        Assert.Equal("respond-deadline-class", await IncidentCodeAsync(unknown));
        var incident = (await InstanceAsync(unknown))["incidents"]!.AsArray().Single()!;
        Assert.Contains("时限类别“urgent”无效", (string)incident["text"]!, StringComparison.Ordinal);

        await using var db = Database.CreateContext();
        Assert.Empty(await db.TimedResponses.Where(r => r.CommunityId == world.Community).ToListAsync());
        Assert.Empty(await db.Tasks.Where(t => t.CommunityId == world.Community).ToListAsync());
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.DoesNotContain(smtp.ReadMessages(), m => world.Emails.Values.Any(e => m.Recipients.Contains(e)));
    }

    /// <summary>A workflow that gives RespondWithin the grid worker 李网格 and the class as <paramref name="deadlineClass"/> says.</summary>
    private string Definition(string deadlineClass) => $$"""
        {
          "id": "respond-{{_run}}",
          "inputs": [ { "name": "kind", "type": "text" } ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "respond", "type": "RespondWithin", "inputs": {
                "subject": { "type": "literal", "value": "楼道灯不亮" },
                "gridWorkerId": { "type": "literal", "value": "{{_gridWorker}}" },
                "deadlineClass": { {{deadlineClass}} } } }
          ],
          "connections": [ { "source": "start", "sourcePort": "Done", "target": "respond" } ]
        }
        """;

    private async Task<ResponseWorld> SeedAsync()
    {
        var world = await ResponseWorld.SeedAsync(Database, _host.Time.GetUtcNow(), _run);
        _gridWorker = world.People["李网格"];
        return world;
    }

    private DeliberationDatabase Database => _host.Services.GetRequiredService<DeliberationDatabase>();

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    private async Task<string> StaffAccountAsync(ResponseWorld world)
    {
        var email = $"staff-{_run}@test.local";
        var created = await _staff.PostAsJsonAsync("/api/users", new
        {
            email, displayName = "李社工", password = "a-long-enough-password", roles = new[] { "CommitteeStaff" }, communityIds = new[] { world.Community },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    private async Task<string> StartAsync(ResponseWorld world, object input, string definitionId = "xiangying-shixian")
    {
        var response = await _staff.PostAsJsonAsync("/api/instances", new { definitionId, input, communityId = world.Community });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (string)JsonNode.Parse(text)!["instanceId"]!;
    }

    private async Task AnswerAsync(string link, string note)
    {
        var response = await _visitor.PostAsync(link, new FormUrlEncodedContent([new KeyValuePair<string, string>("comment", note)]));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("已记录您的答复", text, StringComparison.Ordinal);
    }

    private async Task AdvanceAndPumpAsync(TimeSpan by)
    {
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    private async Task<JsonObject> InstanceAsync(string instanceId) => (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;

    /// <summary>The ids of the activities the instance waits in; it has no incident.</summary>
    private async Task<string[]> WaitingAsync(string instanceId)
    {
        var instance = await InstanceAsync(instanceId);
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).ToArray();
    }

    private async Task<string> IncidentCodeAsync(string instanceId) =>
        (string)(await InstanceAsync(instanceId))["incidents"]!.AsArray().Single()!["code"]!;

    private async Task<JsonArray> EscalationsAsync(ResponseWorld world) => (await _staff.GetFromJsonAsync<JsonArray>($"{world.Api}/escalations"))!;

    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) => EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);
}
