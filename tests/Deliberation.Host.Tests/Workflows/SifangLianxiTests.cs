using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.EndToEnd;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>
/// 四方联动联席会议 (workflows/sifang-lianxi.json as imported at start-up, seed 001's 宇辉星城) end to end: the residents'
/// committee, the grid party branch, the owners' committee and the property company are organisations of the directory,
/// seated on the panel through their representatives with no election; the representatives choose the time and answer the
/// invitation by the links a real SMTP server (aiosmtpd) received; at the meeting the property company objects with its
/// reason, the proposal is revised and the second round reaches consensus; the minutes are filed and confirmed by link; each
/// organisation owns its action item and reports on it by its link, and the instance finishes. Fake time, timers pumped
/// explicitly. On SQLite here, on PostgreSQL in <see cref="SifangLianxiPostgresTests"/>.
/// </summary>
[Trait("Category", "Deliberation")]
public class SifangLianxiTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private const string Objection = "二十万元改造费用超出物业年度预算，物业无力承担";

    /// <summary>The four parties: organisation, kind, representative, mail box.</summary>
    private static readonly (string Organisation, string Kind, string Representative, string Mail)[] Parties =
    [
        ("文化路社区居委会", "residents-committee", "刘主任", "liu"),
        ("宇辉星城网格党支部", "grid-party-branch", "王书记", "wang"),
        ("宇辉星城业主委员会", "owners-committee", "周主任", "zhou"),
        ("宇辉物业服务有限公司", "property-company", "赵经理", "zhao"),
    ];

    private CaseStudyWorld _world = null!;

    /// <summary>The database settings of the host: none (SQLite in the data folder) here.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> DatabaseSettingsAsync(string run) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public async Task InitializeAsync() => _world = await CaseStudyWorld.StartAsync(smtp, await DatabaseSettingsAsync(Guid.NewGuid().ToString("N")[..8]));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task SifangLianxi_ObjectionThenConsensus_MinutesConfirmed_EachOrganisationReportsItsActionItem_Finishes()
    {
        var w = _world;
        var organisations = await SeedAsync(w);
        // The needs list the agenda is drawn from: two open requests (the urgent one first) and one already published.
        await w.PostAsync($"{w.Api}/needs", new { title = "2栋楼道应急照明损坏", kind = "long-term" }, HttpStatusCode.Created);
        await w.PostAsync($"{w.Api}/needs", new { title = "1栋消防通道被电动车堵塞", kind = "urgent" }, HttpStatusCode.Created);
        var complaint = await w.PostAsync($"{w.Api}/complaints", new
        {
            categoryCode = "security", title = "宇辉星城消防设施老化，需整体改造", severity = 5, urgency = 4, reporterCount = 9,
            buildingGroupIds = new[] { w.Buildings["宇辉星城1栋"], w.Buildings["宇辉星城2栋"] },
        }, HttpStatusCode.Created);
        var anchored = await w.PostAsync($"{w.Api}/complaints/{(string)complaint["complaint"]!["id"]!}/anchor",
            new { definitionId = "sifang-lianxi", input = new { minutesConfirmation = "2d", actionReminderBefore = "3d" } });
        var instanceId = (string)anchored["instance"]!["instanceId"]!;

        // Organisations, not residents: no group, no election; the workflow waits for staff to seat the parties and plan the meeting.
        Assert.Equal(["awaitPlan"], await w.WaitingAsync(instanceId));
        var found = (await w.GetAsync($"{w.Api}/cases?caseNumber={(string)anchored["complaint"]!["caseNumber"]!}")).AsArray().Single()!;
        Assert.Equal(("parties", 0), ((string)found["stakeholderMode"]!, found["groups"]!.AsArray().Count));
        var caseId = (string)found["id"]!;
        foreach (var (organisation, _, _, _) in Parties)
            await w.PostAsync($"{w.Api}/cases/{caseId}/panel/organisations", new { organisationId = organisations[organisation] }, HttpStatusCode.Created);
        await w.PutAsync($"{w.Api}/cases/{caseId}/rules", new { template = "consensus" });
        var panel = (await w.GetAsync($"{w.Api}/cases/{caseId}/panel"))["members"]!.AsArray();
        // The agenda the workflow proposes: the matter itself, then the needs list's open needs by the ranking.
        string[] agenda = ["宇辉星城消防设施老化，需整体改造", "1栋消防通道被电动车堵塞", "2栋楼道应急照明损坏"];
        Assert.Equal(agenda, (await w.GetAsync($"{w.Api}/cases/{caseId}/meetings/suggestion"))["agenda"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(Parties.Select(p => $"{p.Representative}:{organisations[p.Organisation]}").Order(StringComparer.Ordinal),
            panel.Select(m => $"{(string)m!["name"]!}:{(string)m["organisationId"]!}").Order(StringComparer.Ordinal));

        // The representatives choose the time and accept the invitation through their emailed links.
        var beijing = TimeSpan.FromHours(8);
        var start = new DateTimeOffset(w.Now.ToOffset(beijing).Date.AddDays(6).AddHours(19), beijing);
        var planned = await w.PostAsync($"{w.Api}/cases/{caseId}/meetings", new
        {
            name = "四方联动联席会议", place = "宇辉星城四方联动会议室", chair = "刘主任", recorder = "小王",
            slots = new[] { start, start.AddDays(1) }.Select(s => new { start = s, end = s.AddHours(2) }).ToArray(),
        }, HttpStatusCode.Created);
        var meetingId = (string)planned["id"]!;
        var meetingPath = $"{w.Api}/meetings/{meetingId}";
        using var parties = w.CreateAnonymousClient();
        foreach (var (_, _, _, mail) in Parties)
            await EmailedLinks.AnswerFormAsync(parties, EmailedLinks.LinkIn(await w.ReceiveAsync(w.Email(mail), "请选择会议时间")), ("choices", "slot-1"));
        await w.AdvanceToAsync(DateTimeOffset.Parse((string)(await w.GetAsync(meetingPath))["meeting"]!["pollClosesAt"]!, CultureInfo.InvariantCulture));
        foreach (var (_, _, _, mail) in Parties)
        {
            var invitation = await w.ReceiveAsync(w.Email(mail), "会议通知");
            Assert.Contains("1. 宇辉星城消防设施老化，需整体改造", invitation.TextBody, StringComparison.Ordinal);
            Assert.Contains("3. 2栋楼道应急照明损坏", invitation.TextBody, StringComparison.Ordinal);
            await EmailedLinks.AnswerAsync(parties, EmailedLinks.LinksIn(invitation)[0], "yes");
        }
        var meeting = await w.GetAsync(meetingPath);
        Assert.Equal(("scheduled", start), ((string)meeting["meeting"]!["status"]!, DateTimeOffset.Parse((string)meeting["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture)));
        Assert.All(meeting["participants"]!.AsArray(), p => Assert.Equal("yes", (string)p!["rsvp"]!));
        await w.AdvanceToAsync(start.AddMinutes(1));
        Assert.Equal(["awaitAdjourn", "awaitVote"], await w.WaitingAsync(instanceId));
        await w.PutAsync($"{meetingPath}/attendance", new { entries = panel.Select(m => new { personId = (string)m!["personId"]!, present = true }).ToArray() });

        // Round one: the property company objects, with its reason; no consensus, and the meeting goes on to another vote.
        var first = await w.VoteAsync(meetingPath, "是否同意由物业公司承担消防设施改造费用",
            ("刘主任", "yes", null), ("王书记", "yes", null), ("周主任", "yes", null), ("赵经理", "no", Objection));
        Assert.False((bool)first["vote"]!["passed"]!);
        Assert.Equal(["awaitAdjourn", "awaitVote"], await w.WaitingAsync(instanceId));
        Assert.Equal((1, false), ((int)(await OutputAsync(w, instanceId, "round"))["round"]!, (bool)(await OutputAsync(w, instanceId, "round"))["passed"]!));

        // Round two, the proposal revised (maintenance fund and a street subsidy): consensus.
        await w.PostAsync($"{meetingPath}/proposals", new { title = "方案二：动用专项维修资金并申请街道补贴", body = "维修资金15万元，街道补贴5万元，物业负责施工" });
        var second = await w.VoteAsync(meetingPath, "是否同意动用专项维修资金并申请街道补贴改造消防设施",
            ("刘主任", "yes", null), ("王书记", "yes", null), ("周主任", "yes", null), ("赵经理", "yes", null));
        Assert.True((bool)second["vote"]!["passed"]!);
        Assert.Equal(["awaitClose"], await w.WaitingAsync(instanceId));
        // The resolution's parties are the organisations seated on the panel unless staff name them; an organisation of
        // another community's directory is refused at the field and nothing is recorded.
        var resolution = await w.PostAsync($"{meetingPath}/resolutions", new { text = "动用专项维修资金并申请街道补贴，整体改造宇辉星城消防设施" });
        Assert.Equal(Parties.Select(p => p.Organisation).Order(StringComparer.Ordinal),
            resolution["parties"]!.AsArray().Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal));
        var elsewhere = await OrganisationOfAnotherCommunityAsync(w);
        var refused = await w.Staff.PutAsJsonAsync($"{meetingPath}/resolutions/{(string)resolution["id"]!}",
            new { text = "动用专项维修资金并申请街道补贴，整体改造宇辉星城消防设施", organisationIds = new[] { organisations["宇辉星城业主委员会"], elsewhere } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["organisation-unknown"], (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["organisationIds"]!.AsArray().Select(c => (string)c!));
        var extra = await w.Staff.PostAsJsonAsync($"{meetingPath}/resolutions", new { text = "另一决议", organisationIds = new[] { elsewhere } });
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        var recorded = Assert.Single((await w.GetAsync(meetingPath))["resolutions"]!.AsArray())!;
        Assert.Equal(4, recorded["parties"]!.AsArray().Count);
        // Staff narrow the parties to those who carry it out: the owners' committee and the property company.
        await w.PutAsync($"{meetingPath}/resolutions/{(string)resolution["id"]!}", new
        {
            text = "动用专项维修资金并申请街道补贴，整体改造宇辉星城消防设施",
            organisationIds = new[] { organisations["宇辉星城业主委员会"], organisations["宇辉物业服务有限公司"] },
        });
        var narrowed = Assert.Single((await w.GetAsync(meetingPath))["resolutions"]!.AsArray())!;
        Assert.Equal(["宇辉星城业主委员会", "宇辉物业服务有限公司"], narrowed["parties"]!.AsArray().Select(p => (string)p!["name"]!));

        // An action item per organisation: each names only its organisation, whose name is the party and whose representative reports.
        var unknown = await w.Staff.PostAsJsonAsync($"{w.Api}/cases/{caseId}/action-items",
            new { title = "联系施工单位", organisationId = Guid.NewGuid(), dueAt = w.Now.AddDays(30), meetingId });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["organisation-unknown"], (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["organisationId"]!.AsArray().Select(c => (string)c!));
        var tasks = new Dictionary<string, (string Title, int Days)>
        {
            ["文化路社区居委会"] = ("向街道申请消防改造补贴5万元", 20),
            ["宇辉星城网格党支部"] = ("组织下沉党员入户宣传改造方案", 10),
            ["宇辉星城业主委员会"] = ("办理专项维修资金15万元使用手续", 30),
            ["宇辉物业服务有限公司"] = ("组织施工并完成消防设施改造", 60),
        };
        foreach (var (organisation, (title, days)) in tasks)
        {
            var item = await w.PostAsync($"{w.Api}/cases/{caseId}/action-items",
                new { title, organisationId = organisations[organisation], dueAt = w.Now.AddDays(days), meetingId }, HttpStatusCode.Created);
            var party = Parties.Single(p => p.Organisation == organisation);
            Assert.Equal((organisation, organisations[organisation], w.People[party.Representative]),
                ((string)item["responsibleParty"]!, (string)item["organisationId"]!, (string)item["personId"]!));
        }
        Assert.Single((await w.GetAsync($"{w.Api}/cases/{caseId}/action-items"))["items"]!.AsArray(), i => (string)i!["title"]! == "组织施工并完成消防设施改造");
        await w.PostAsync($"{meetingPath}/close", new { });

        // The minutes keep the objection and its reason, and each organisation's task; the parties confirm them by link.
        var minutes = await w.MinutesAsync(meetingId);
        Assert.Contains("是否同意由物业公司承担消防设施改造费用", minutes, StringComparison.Ordinal);
        Assert.Contains($"赵经理（宇辉物业服务有限公司）（反对）：{Objection}", minutes, StringComparison.Ordinal);
        foreach (var (organisation, _, representative, _) in Parties)
            Assert.Contains($"{representative}（{organisation}）", minutes.Split('\n').Single(l => l.StartsWith("- 出席人员", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("- 决议当事各方：宇辉星城业主委员会、宇辉物业服务有限公司\n", minutes, StringComparison.Ordinal);
        Assert.Contains("- 动用专项维修资金并申请街道补贴，整体改造宇辉星城消防设施（当事方：宇辉星城业主委员会、宇辉物业服务有限公司）\n", minutes, StringComparison.Ordinal);
        foreach (var (organisation, (title, _)) in tasks) Assert.Contains(organisation, minutes, StringComparison.Ordinal);
        Assert.Contains("组织施工并完成消防设施改造", minutes, StringComparison.Ordinal);
        Assert.Equal(["confirmMinutes"], await w.WaitingAsync(instanceId));
        foreach (var (_, _, _, mail) in Parties)
            await EmailedLinks.AnswerFormAsync(parties, EmailedLinks.LinkIn(await w.ReceiveAsync(w.Email(mail), "请确认会议纪要")), ("choice", "confirm"));
        Assert.Equal("all-confirmed", (string)(await OutputAsync(w, instanceId, "confirmMinutes"))["sealedBecause"]!);

        // Each organisation's representative gets its own progress link; the property company reports part-way first.
        var assigned = await OutputAsync(w, instanceId, "assign");
        Assert.Equal(tasks.Keys.Select(o => organisations[o]).Order(StringComparer.Ordinal),
            assigned["items"]!.AsArray().Select(i => (string)i!["organisationId"]!).Order(StringComparer.Ordinal));
        var links = new Dictionary<string, string>();
        foreach (var (organisation, _, _, mail) in Parties) links[organisation] = EmailedLinks.LinkIn(await w.ReceiveAsync(w.Email(mail), "请落实并汇报进展"));
        Assert.Equal(4, links.Values.Distinct().Count());
        var property = links["宇辉物业服务有限公司"];
        await EmailedLinks.ReportProgressAsync(parties, property, "50", done: false, "已进场施工，完成一半");
        await w.AdvanceAsync(TimeSpan.FromDays(5));
        foreach (var organisation in new[] { "宇辉星城网格党支部", "文化路社区居委会", "宇辉星城业主委员会" })
        {
            await EmailedLinks.ReportProgressAsync(parties, links[organisation], "", done: true, $"{tasks[organisation].Title}：已完成");
            Assert.Equal("Suspended", await StatusAsync(w, instanceId));
        }
        var items = (await w.GetAsync($"{w.Api}/cases/{caseId}/action-items"))["items"]!.AsArray();
        var propertyItem = items.Single(i => (string)i!["organisationId"]! == organisations["宇辉物业服务有限公司"])!;
        Assert.Equal(("open", 50), ((string)propertyItem["status"]!, (int)propertyItem["percent"]!));
        await EmailedLinks.ReportProgressAsync(parties, property, "", done: true, "消防设施改造完成，已通过验收");

        // Every organisation done: the parties are told, and the instance finishes.
        Assert.Equal("Finished", await StatusAsync(w, instanceId));
        items = (await w.GetAsync($"{w.Api}/cases/{caseId}/action-items"))["items"]!.AsArray();
        Assert.All(items, i => Assert.Equal("done", (string)i!["status"]!));
        Assert.Equal(tasks.Keys.Select(o => organisations[o]).Order(StringComparer.Ordinal), items.Select(i => (string)i!["organisationId"]!).Order(StringComparer.Ordinal));
        var told = await w.ReceiveAsync(w.Email("zhou"), "联席会议决议已全部落实");
        Assert.Contains("宇辉物业服务有限公司：组织施工并完成消防设施改造", told.TextBody, StringComparison.Ordinal);
    }

    /// <summary>
    /// 文化路社区 with 宇辉星城 1栋 and 2栋 and their households, and the four organisations of the directory, each with its
    /// representative on the roster with an email. Returns the organisations' ids by name.
    /// </summary>
    private static async Task<Dictionary<string, string>> SeedAsync(CaseStudyWorld w)
    {
        await w.CreateCommunityAsync("文化路社区", ("宇辉星城", "1栋"), ("宇辉星城", "2栋"));
        var rows = Enumerable.Range(1, 20).Select(i => $"宇辉星城,{(i <= 10 ? "1栋" : "2栋")},1单元,{i:000},90,宇辉住户{i},居民,,是").ToList();
        var roles = new Dictionary<string, string> { ["刘主任"] = "居委会", ["王书记"] = "网格党支部", ["周主任"] = "业委会", ["赵经理"] = "物业" };
        rows.AddRange(Parties.Select(p => $",,,,,{p.Representative},{roles[p.Representative]},{w.Email(p.Mail)},"));
        await w.ImportRosterAsync(rows);
        var ids = new Dictionary<string, string>();
        foreach (var (organisation, kind, representative, _) in Parties)
        {
            var created = await w.PostAsync($"{w.Api}/organisations", new
            {
                name = organisation, kind,
                contacts = new object[] { new { name = representative, role = "代表", personId = w.People[representative], isRepresentative = true } },
            }, HttpStatusCode.Created);
            ids[organisation] = (string)created["id"]!;
        }
        return ids;
    }

    /// <summary>An organisation of another community's directory: not one a resolution of this community may name.</summary>
    private static async Task<string> OrganisationOfAnotherCommunityAsync(CaseStudyWorld w)
    {
        var other = await w.PostAsync("/api/communities", new { code = "other-" + Guid.NewGuid().ToString("N")[..8], name = "建设路社区" }, HttpStatusCode.Created);
        var organisation = await w.PostAsync($"/api/communities/{(string)other["id"]!}/organisations", new
        {
            name = "建设路物业公司", kind = "property-company",
            contacts = new object[] { new { name = "钱经理", role = "经理", phone = "0712-2345678", isRepresentative = true } },
        }, HttpStatusCode.Created);
        return (string)organisation["id"]!;
    }

    private static async Task<JsonNode> OutputAsync(CaseStudyWorld w, string instanceId, string activityId) =>
        (await w.GetAsync($"/api/instances/{instanceId}"))["outputs"]![activityId]!;

    private static async Task<string> StatusAsync(CaseStudyWorld w, string instanceId) =>
        (string)(await w.GetAsync($"/api/instances/{instanceId}"))["instance"]!["status"]!;
}
