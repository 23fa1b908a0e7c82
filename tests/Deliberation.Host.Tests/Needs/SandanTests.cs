using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Needs;

/// <summary>
/// 三单 (workflows/sandan.json as imported at start-up) end to end: a need of the list is published to two partner units,
/// both representatives claim through the links a real SMTP server (aiosmtpd) received, at the same moment — exactly one
/// wins and the other's page says who took it; the winner reports done by link and the requester confirms by link.
/// Fake time, timers pumped explicitly. On SQLite here, on PostgreSQL in <see cref="SandanPostgresTests"/>.
/// </summary>
[Trait("Category", "Deliberation")]
public class SandanTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private HostFactory _host = null!;
    private HttpClient _staff = null!;

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
    }

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Sandan_TwoUnitsClaimAtOnce_ExactlyOneWins_TheWinnerReportsDone_TheRequesterConfirms()
    {
        var world = await SeedAsync();
        var need = await CreateNeedAsync(world, world.People["张阿姨"]);
        var instanceId = await StartAsync(world, need, new { claimWindow = "3d", dueAfter = "5d", confirmWindow = "7d" });
        Assert.Equal(["publish"], await WaitingAsync(instanceId));
        Assert.Equal("published", (string)(await NeedAsync(world, need))["status"]!);

        // Each unit's representative is offered the need with a claim link of their own.
        var hospitalMail = await ReceiveAsync(world.Emails["王主任"], "需求认领");
        var builderMail = await ReceiveAsync(world.Emails["李经理"], "需求认领");
        Assert.Contains("贵单位（市妇幼保健院）", hospitalMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("5天内完成", hospitalMail.TextBody, StringComparison.Ordinal);
        var hospitalLink = EmailedLinks.LinkIn(hospitalMail);
        var builderLink = EmailedLinks.LinkIn(builderMail);
        using var hospital = _host.CreateAnonymousClient();
        using var builder = _host.CreateAnonymousClient();
        Assert.Contains("我方认领，按期办理", await hospital.GetStringAsync(hospitalLink), StringComparison.Ordinal);

        // Both claim at the same moment.
        var answers = await Task.WhenAll(ClaimAsync(hospital, hospitalLink), ClaimAsync(builder, builderLink));

        var won = answers.Where(a => a.Status == HttpStatusCode.OK).ToList();
        var lost = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        Assert.True(won.Count == 1 && lost.Count == 1, string.Join("\n----\n", answers.Select(a => $"{(int)a.Status}: {a.Page}")));
        Assert.Contains("已记录您的答复", won[0].Page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, lost[0].Status);
        Assert.Contains("已被认领", lost[0].Page, StringComparison.Ordinal);
        var winnerIsHospital = answers[0].Status == HttpStatusCode.OK;
        var (winner, loser) = winnerIsHospital ? ("市妇幼保健院", "城建公司") : ("城建公司", "市妇幼保健院");
        var (winnerPerson, loserClient, loserLink) = winnerIsHospital ? ("王主任", builder, builderLink) : ("李经理", hospital, hospitalLink);
        Assert.Contains($"该需求已由“{winner}”认领", lost[0].Page, StringComparison.Ordinal);

        // The need is the winner's, due five days after the claim; the loser's link keeps saying so, and claiming again changes nothing.
        var claimed = await NeedAsync(world, need);
        Assert.Equal(("claimed", winner, world.Organisations[winner]), ((string)claimed["status"]!, (string)claimed["claimant"]!["name"]!, (string)claimed["claimant"]!["organisationId"]!));
        Assert.Equal(_host.Time.GetUtcNow().AddDays(5), claimed["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains($"该需求已由“{winner}”认领", await loserClient.GetStringAsync(loserLink), StringComparison.Ordinal);
        var again = await ClaimAsync(loserClient, loserLink);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(winner, (string)(await NeedAsync(world, need))["claimant"]!["name"]!);
        Assert.DoesNotContain(loser, (await NeedAsync(world, need)).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["publish"], await WaitingAsync(instanceId));

        // The winner reports progress, then done, through the progress link of the email they got.
        var progressLink = EmailedLinks.LinkIn(await ReceiveAsync(world.Emails[winnerPerson], "已认领，请按期完成"));
        using var claimant = _host.CreateAnonymousClient();
        await EmailedLinks.ReportProgressAsync(claimant, progressLink, "40", done: false, "已联系电工");
        Assert.Equal((40, "claimed"), ((int)(await NeedAsync(world, need))["percent"]!, (string)(await NeedAsync(world, need))["status"]!));
        _host.Time.Advance(TimeSpan.FromDays(2));
        await EmailedLinks.ReportProgressAsync(claimant, progressLink, "", done: true, "楼道灯已全部更换");
        Assert.Equal("done", (string)(await NeedAsync(world, need))["status"]!);

        // The requester is asked (回访) and confirms by link: the workflow ends, the need confirmed with its claimant.
        var confirmMail = await ReceiveAsync(world.Emails["张阿姨"], "回访：请确认");
        Assert.Contains("楼道灯已全部更换", confirmMail.TextBody, StringComparison.Ordinal);
        using var requester = _host.CreateAnonymousClient();
        await EmailedLinks.AnswerFormAsync(requester, EmailedLinks.LinkIn(confirmMail), ("choice", "satisfied"), ("comment", "灯很亮，谢谢"));

        Assert.Equal("Finished", await StatusAsync(instanceId));
        var confirmed = await NeedAsync(world, need);
        Assert.Equal(("confirmed", winner, true, "灯很亮，谢谢", 100), ((string)confirmed["status"]!, (string)confirmed["claimant"]!["name"]!,
            (bool)confirmed["satisfied"]!, (string)confirmed["confirmationComment"]!, (int)confirmed["percent"]!));
        Assert.False((bool)confirmed["overdue"]!);
    }

    [Fact]
    public async Task Sandan_NobodyClaimsInTheWindow_TheNeedIsOpenAgain_AndStaffAreTold()
    {
        var world = await SeedAsync();
        var need = await CreateNeedAsync(world, null);
        var instanceId = await StartAsync(world, need, new { claimWindow = "2d" });
        var link = EmailedLinks.LinkIn(await ReceiveAsync(world.Emails["王主任"], "需求认领"));

        await AdvanceAndPumpAsync(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(["publish"], await WaitingAsync(instanceId));
        await AdvanceAndPumpAsync(TimeSpan.FromSeconds(1));

        Assert.Equal("Finished", await StatusAsync(instanceId));
        Assert.Equal("open", (string)(await NeedAsync(world, need))["status"]!);
        var escalation = Assert.Single((await _staff.GetFromJsonAsync<JsonArray>($"{world.Api}/escalations"))!)!;
        Assert.Equal("need-unclaimed", (string)escalation["kind"]!);
        using var late = _host.CreateAnonymousClient();
        var page = await late.PostAsync(link, new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", "claim")]));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("认领已截止", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandan_OverdueThenDone_WithoutRequester_StaffAreToldAndConfirmInTheList()
    {
        var world = await SeedAsync();
        var need = await CreateNeedAsync(world, null);
        var instanceId = await StartAsync(world, need, new { dueAfter = "1d", organisationKinds = Array.Empty<string>(), personIds = new[] { world.People["刘党员"] } });
        using var member = _host.CreateAnonymousClient();
        var offer = await ReceiveAsync(world.Emails["刘党员"], "需求认领");
        Assert.Contains("欢迎您认领", offer.TextBody, StringComparison.Ordinal);
        await EmailedLinks.AnswerFormAsync(member, EmailedLinks.LinkIn(offer), ("choice", "claim"));
        var progressLink = EmailedLinks.LinkIn(await ReceiveAsync(world.Emails["刘党员"], "已认领，请按期完成"));

        await AdvanceAndPumpAsync(TimeSpan.FromDays(1));

        var overdue = await NeedAsync(world, need);
        Assert.Equal(("claimed", true, "刘党员"), ((string)overdue["status"]!, (bool)overdue["overdue"]!, (string)overdue["claimant"]!["name"]!));
        Assert.Null(overdue["claimant"]!["organisationId"]);
        Assert.Contains("已逾期", (await ReceiveAsync(world.Emails["刘党员"], "已逾期")).Subject, StringComparison.Ordinal);
        Assert.Contains("需求逾期未完成", (await ReceiveAsync(world.StaffEmail, "需求逾期未完成")).Subject, StringComparison.Ordinal);
        var listed = (await _staff.GetFromJsonAsync<JsonArray>($"{world.Api}/needs?overdue=true"))!;
        Assert.Equal([need], listed.Select(n => (string)n!["id"]!));

        await EmailedLinks.ReportProgressAsync(member, progressLink, "", done: true, "已修好");
        Assert.Contains("请回访确认", (await ReceiveAsync(world.StaffEmail, "请回访确认")).Subject, StringComparison.Ordinal);
        var confirmed = await _staff.PostAsJsonAsync($"{world.Api}/needs/{need}/confirm", new { satisfied = false, comment = "灯还是时亮时不亮" });

        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("Finished", await StatusAsync(instanceId));
        var view = await NeedAsync(world, need);
        Assert.Equal(("done", false), ((string)view["status"]!, (bool)view["satisfied"]!));
        Assert.Contains((await _staff.GetFromJsonAsync<JsonArray>($"{world.Api}/escalations"))!, e => (string)e!["kind"]! == "need-not-satisfied");
    }

    private sealed record World(Guid Community, Dictionary<string, Guid> People, Dictionary<string, string> Emails, Dictionary<string, string> Organisations, string StaffEmail)
    {
        public string Api => $"/api/communities/{Community}";
    }

    /// <summary>
    /// 文化路社区 with the requester 张阿姨, two partner units of the directory (市妇幼保健院 and 城建公司, kind resident-unit)
    /// whose representatives are on the roster with an email, the assigned party member 刘党员, and a staff account.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        var now = _host.Time.GetUtcNow();
        var community = new Community { Id = Guid.NewGuid(), Code = "n" + _run, Name = "文化路社区", CreatedAt = now };
        var people = new Dictionary<string, Guid>();
        var emails = new Dictionary<string, string>();
        await using (var db = _host.Services.GetRequiredService<DeliberationDatabase>().CreateContext())
        {
            db.Communities.Add(community);
            var order = 0;
            foreach (var (name, mail) in new[] { ("张阿姨", "zhang"), ("王主任", "wang"), ("李经理", "li"), ("刘党员", "liu") })
            {
                var person = new Person
                {
                    Id = Guid.NewGuid(), CommunityId = community.Id, Name = name, Email = $"{mail}-{_run}@test.local", Roles = PersonRoles.Resident,
                    CreatedAt = now.AddSeconds(order++),
                };
                db.People.Add(person);
                people[name] = person.Id;
                emails[name] = person.Email;
            }
            await db.SaveChangesAsync();
        }
        var organisations = new Dictionary<string, string>();
        foreach (var (organisation, representative) in new[] { ("市妇幼保健院", "王主任"), ("城建公司", "李经理") })
        {
            var created = await _staff.PostAsJsonAsync($"/api/communities/{community.Id}/organisations", new
            {
                name = organisation, kind = "resident-unit",
                contacts = new object[] { new { name = representative, role = "负责人", personId = people[representative], isRepresentative = true } },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            organisations[organisation] = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }
        var staffEmail = $"staff-{_run}@test.local";
        var account = await _staff.PostAsJsonAsync("/api/users", new
        {
            email = staffEmail, displayName = "李社工", password = "a-long-enough-password", roles = new[] { "CommitteeStaff" }, communityIds = new[] { community.Id },
        });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        return new World(community.Id, people, emails, organisations, staffEmail);
    }

    private async Task<string> CreateNeedAsync(World world, Guid? requester)
    {
        var response = await _staff.PostAsJsonAsync($"{world.Api}/needs",
            new { title = "3栋楼道灯不亮", description = "3栋1–6层楼道灯坏了一个多月，老人晚上上下楼不便", kind = "urgent", requesterPersonId = requester });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    private async Task<string> StartAsync(World world, string need, object timings)
    {
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(timings))!.AsObject();
        input["needId"] = need;
        var response = await _staff.PostAsJsonAsync("/api/instances", new { definitionId = "sandan", input, communityId = world.Community });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (string)JsonNode.Parse(text)!["instanceId"]!;
    }

    private async Task<JsonObject> NeedAsync(World world, string need) => (await _staff.GetFromJsonAsync<JsonObject>($"{world.Api}/needs/{need}"))!;

    private static async Task<(HttpStatusCode Status, string Page)> ClaimAsync(HttpClient client, string link)
    {
        var response = await client.PostAsync(link, new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", "claim")]));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task AdvanceAndPumpAsync(TimeSpan by)
    {
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    private async Task<string> StatusAsync(string instanceId) =>
        (string)(await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["instance"]!["status"]!;

    private async Task<string[]> WaitingAsync(string instanceId)
    {
        var instance = (await _staff.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).ToArray();
    }

    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) =>
        EmailedLinks.ReceiveAsync(smtp, _host.Services.GetRequiredService<OutboxDispatcher>(), address, subjectPart);
}
