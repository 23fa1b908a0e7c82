using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Civic.Elections;
using Deliberation.Host.Tests.Api;
using Deliberation.Host.Tests.Issues;
using Deliberation.Integrations.Outbox;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.EndToEnd;

/// <summary>
/// The builder of the end-to-end scenarios of 烦事有计倾 (<see cref="DeliberationStepsTests"/>), one method per step, each
/// checking what its step must do and handing the next one what it needs: an administrator sets up a community, its staff
/// import the roster (GBK CSV and .xlsx), a building head logs complaints, staff merge duplicates, read the ranking and
/// anchor the top issue; fanshi-youjiqing then runs the two-layer election on its own timers (fake time, pumped
/// explicitly) while residents vote through the links in the emails a real SMTP server (aiosmtpd) received. Then the
/// panel (the elected representative, three parties, a lawyer and an accountant) is convened by time poll, holds a
/// two-thirds vote with an abstention and a dissent, the minutes are filed, confirmed by everyone present and sealed, the action items are reported
/// done by link, the follow-up is answered and the case closes with its public notice.
/// </summary>
public sealed class DeliberationScenario(SmtpServer smtp) : IAsyncDisposable
{
    private const string Password = "a-long-enough-password";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<HttpClient> _accounts = [];
    private HostFactory _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _resident = null!;

    /// <summary>A host of its own, mailing through the SMTP server.</summary>
    public static async Task<DeliberationScenario> StartAsync(SmtpServer smtp)
    {
        var scenario = new DeliberationScenario(smtp);
        await scenario.InitializeAsync();
        return scenario;
    }

    private async Task InitializeAsync()
    {
        await smtp.StartAsync();
        _host = new HostFactory
        {
            Settings =
            {
                ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
                ["Deliberation:Mail:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Deliberation:Mail:SmtpSecurity"] = "None",
                // The complaint affects six households in 1栋 and 2栋: above the threshold, so they elect in two layers.
                ["Deliberation:Elections:DirectParticipationMaxHouseholds"] = "3",
            },
        };
        _admin = _host.CreateClient();
        _resident = _host.CreateAnonymousClient();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var account in _accounts) account.Dispose();
        _admin.Dispose();
        _resident.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>The community as the test knows it: ids read from API responses, people and their emails by name.</summary>
    public sealed record Community(string Id, Dictionary<string, string> Buildings, Dictionary<string, string> Households,
        Dictionary<string, string> People, Dictionary<string, string> Emails)
    {
        public string Api => $"/api/communities/{Id}";
        public string Complaints => $"{Api}/complaints";
    }

    /// <summary>A case after step 1: its community, the staff and building-head accounts, the anchored complaint and its workflow.</summary>
    public sealed record Anchored(Community Community, HttpClient Staff, HttpClient Head, string ComplaintId, string CaseNumber, string InstanceId);

    /// <summary>A case after step 2: the representative elected, the workflow waiting for the meeting to be planned.</summary>
    public sealed record Elected(Anchored Case, string CaseId)
    {
        public Community Community => Case.Community;
        public HttpClient Staff => Case.Staff;
    }

    /// <summary>
    /// Steps 0 and 1: the community set up with two accounts, the roster imported, complaints logged, merged and ranked,
    /// the top one anchored and on public notice; after the notice period the workflow moves on to step 2.
    /// </summary>
    public async Task<Anchored> AnchorTopIssueAsync()
    {
        // Step 0: the administrator sets up the community, its structure and two accounts.
        var community = await CreateCommunityAsync();
        var staff = await AccountAsync(community, "CommitteeStaff");
        // 王楼长's account: the roster lists 王楼长 as the head of 1栋 with this address, so he logs 1栋's complaints.
        var head = await AccountAsync(community, "BuildingHead", Email("head-wang"));

        // Step 1a: staff import the roster, 1栋 as a GBK CSV (as Excel and WPS save it) and 2栋/3栋 as an .xlsx workbook.
        await ImportRosterAsync(staff, community);

        // Step 1b: 1栋's building head and the staff log what residents phoned in; two complaints are the same lift problem.
        var liftEast = await LogAsync(head, community, "1栋电梯经常停运", "lift", severity: 4, urgency: 4, reporters: 5, buildings: ["1栋"]);
        var liftWest = await LogAsync(staff, community, "2栋电梯坏了没人修", "lift", severity: 3, urgency: 3, reporters: 4, buildings: ["2栋"]);
        var light = await LogAsync(head, community, "101门口楼道灯不亮", "facility-repair", severity: 2, urgency: 3, reporters: 2, households: ["1栋-101"]);
        var noise = await LogAsync(staff, community, "3栋楼下夜宵摊噪音", "noise", severity: 3, urgency: 2, reporters: 1, buildings: ["3栋"]);

        // Step 1c: staff merge the duplicate into the first; reporters add up and the scope spans both buildings.
        await MergeAsync(staff, community, liftEast, liftWest);

        // Step 1d: the ranking puts the merged lift complaint on top, with every part of each score.
        await AssertRankingAsync(staff, community, [liftEast, light, noise]);

        // Step 1e: staff anchor it; the public notice (公示) reaches both affected building heads, and fanshi-youjiqing starts.
        var (caseNumber, instanceId) = await AnchorAsync(staff, community, liftEast);
        var instance = await InstanceAsync(staff, instanceId);
        Assert.Equal((caseNumber, community.Id, "fanshi-youjiqing", "Suspended"), ((string)instance["instance"]!["correlationId"]!,
            (string)instance["instance"]!["communityId"]!, (string)instance["instance"]!["definitionId"]!, (string)instance["instance"]!["status"]!));
        // Step 1f: the issue is on public notice (公示期, 3 days by default); the workflow waits in step 1.
        Assert.Equal(["notice"], Waiting(instance));
        await AdvanceToAsync(_host.Time.GetUtcNow().AddDays(3) - Tick);
        Assert.Equal(["notice"], Waiting(await InstanceAsync(staff, instanceId)));
        await AdvanceToAsync(_host.Time.GetUtcNow() + Tick);
        Assert.Equal(["nominations"], Waiting(await InstanceAsync(staff, instanceId)));
        return new Anchored(community, staff, head, liftEast, caseNumber, instanceId);
    }

    /// <summary>
    /// Step 2: the six households of 1栋 and 2栋 elect in two layers by emailed link (a changed vote, a paper ballot, a tie
    /// drawn by lots, a reminder to the one who never voted); the representative joins the panel.
    /// </summary>
    public async Task<Elected> ElectRepresentativesAsync(Anchored anchored)
    {
        var (community, staff, head, liftEast, caseNumber, instanceId) = anchored;

        // Step 2a: the workflow identified the stakeholders: six households across 1栋 and 2栋 (not 3栋) elect in two layers.
        var caseId = await CaseIdAsync(staff, community, caseNumber);
        var caseView = await GetAsync(staff, $"{community.Api}/cases/{caseId}");
        Assert.Equal((caseNumber, "1栋电梯经常停运", liftEast), ((string)caseView["caseNumber"]!, (string)caseView["title"]!, (string)caseView["complaintId"]!));
        var groupSummary = Assert.Single(caseView["groups"]!.AsArray())!;
        Assert.Equal(("layered", 6), ((string)groupSummary["mode"]!, (int)groupSummary["householdCount"]!));
        var groupPath = $"{community.Api}/groups/{groupSummary["id"]}";
        var layerOne = await ElectionsAsync(staff, groupPath, layer: 1);
        Assert.Equal(new[] { community.Buildings["1栋"], community.Buildings["2栋"] }.Order(StringComparer.Ordinal), layerOne.Keys.Order(StringComparer.Ordinal));
        var east = $"{community.Api}/elections/{layerOne[community.Buildings["1栋"]]}";
        var west = $"{community.Api}/elections/{layerOne[community.Buildings["2栋"]]}";

        // Step 2b: nominations through the stakeholders API — self-nominated, and one nominated by a neighbour.
        var zhang1 = await NominateAsync(staff, community, east, "张一", by: "张一");
        var zhang2 = await NominateAsync(staff, community, east, "张二", by: "张一");
        var li1 = await NominateAsync(staff, community, west, "李一", by: "李一");
        var li2 = await NominateAsync(staff, community, west, "李二", by: "李二");

        // Step 2c: at the nomination deadline the workflow closes nominations and the ballots are emailed (张三 has no email).
        var eastElection = await GetAsync(staff, east);
        await AdvanceToAsync(DateTimeOffset.Parse((string)eastElection["nominationsCloseAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal(["ballotDeadline", "reminderDue"], Waiting(await InstanceAsync(staff, instanceId)).Order(StringComparer.Ordinal));
        var ballots = new Dictionary<string, MimeKit.MimeMessage>();
        foreach (var voter in new[] { "张一", "张二", "李一", "李二", "李三" }) ballots[voter] = await ReceiveAsync(community.Emails[voter], "请投票");
        Assert.Contains("推选1栋的楼栋代表", ballots["张一"].Subject, StringComparison.Ordinal);
        eastElection = await GetAsync(staff, east);
        var paperBallot = Ballot(eastElection, community.People["张三"]);
        Assert.False((bool)paperBallot["emailed"]!);

        // Step 2d: voting. 张一 first votes for 张二, then changes his vote to himself; 张二 votes for himself; the building head
        // enters 张三's paper ballot; in 2栋 李一 and 李二 each vote for themselves (a tie); 李三 never votes.
        await VoteAsync(LinkIn(ballots["张一"]), zhang2);
        _host.Time.Advance(TimeSpan.FromHours(2));
        await VoteAsync(LinkIn(ballots["张一"]), zhang1);
        await VoteAsync(LinkIn(ballots["张二"]), zhang2);
        var paper = await head.PostAsJsonAsync($"/api/tasks/{paperBallot["taskId"]}/proxy-answer", new { answer = new { choice = zhang1 } });
        Assert.True(paper.StatusCode == HttpStatusCode.OK, await paper.Content.ReadAsStringAsync());
        await VoteAsync(LinkIn(ballots["李一"]), li1);
        await VoteAsync(LinkIn(ballots["李二"]), li2);
        var changed = await GetAsync(staff, $"/api/tasks/{Ballot(eastElection, community.People["张一"])["taskId"]}");
        Assert.Equal([zhang2, zhang1], changed["history"]!.AsArray().Select(a => (string)a!["answer"]!["choice"]!));
        Assert.Equal(zhang1, (string)changed["current"]!["answer"]!["choice"]!);

        // Step 2e: the reminder goes out at the reminder time (ballot deadline − 1d), not a tick before, and only to 李三.
        var westElection = await GetAsync(staff, west);
        var remindAt = DateTimeOffset.Parse((string)westElection["remindAt"]!, CultureInfo.InvariantCulture);
        await AdvanceToAsync(remindAt - Tick);
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.Empty(Reminders());
        await AdvanceToAsync(remindAt);
        var reminder = await ReceiveAsync(community.Emails["李三"], "提醒");
        Assert.Contains("您还没有投票", reminder.TextBody, StringComparison.Ordinal);
        Assert.Equal([community.Emails["李三"]], Reminders().SelectMany(m => m.Recipients));
        Assert.Equal(1, (int)Ballot(await GetAsync(staff, west), community.People["李三"])["reminderCount"]!);
        Assert.Equal(["ballotDeadline"], Waiting(await InstanceAsync(staff, instanceId)));

        // Step 2f: at the ballot deadline layer 1 is counted. 1栋: 张一 2 (his changed vote and the paper ballot), 张二 1.
        // 2栋: 李一 and 李二 tie 1–1 for one seat, so lots decide with the seed recorded; the seed reproduces the draw.
        await AdvanceToAsync(DateTimeOffset.Parse((string)westElection["ballotClosesAt"]!, CultureInfo.InvariantCulture));
        eastElection = await GetAsync(staff, east);
        Assert.Equal(("counted", 3), ((string)eastElection["status"]!, (int)eastElection["ballotsCast"]!));
        Assert.Equal((2, true), CandidateResult(eastElection, zhang1));
        Assert.Equal((1, false), CandidateResult(eastElection, zhang2));
        Assert.Null(eastElection["lotsSeed"]);
        Assert.Equal("proxy", (string)Ballot(eastElection, community.People["张三"])["channel"]!);
        westElection = await GetAsync(staff, west);
        Assert.Equal(("counted", 2), ((string)westElection["status"]!, (int)westElection["ballotsCast"]!));
        Assert.Equal((1, 1), (CandidateResult(westElection, li1).Votes, CandidateResult(westElection, li2).Votes));
        var seed = (string)westElection["lotsSeed"]!;
        Assert.Matches("^[0-9a-f]{64}$", seed);
        var redrawn = PluralityCount.Count([Guid.Parse(li1), Guid.Parse(li2)], [Guid.Parse(li1), Guid.Parse(li2)], 1, seed);
        Assert.Equal(redrawn.Ranking.Select(r => (r.CandidateId.ToString(), r.Elected)),
            westElection["candidates"]!.AsArray().OrderBy(c => (int)c!["rank"]!).Select(c => ((string)c!["id"]!, (bool)c["elected"]!)));
        var westDelegate = (string)westElection["candidates"]!.AsArray().Single(c => (bool)c!["elected"]!)!["name"]!;

        // Step 2g: layer 2 opened on its own among the delegates (张一 and 2栋's); they nominate and vote by link.
        Assert.Equal(["nominations"], Waiting(await InstanceAsync(staff, instanceId)));
        var layerTwo = Assert.Single(await ElectionsAsync(staff, groupPath, layer: 2)).Value;
        var top = $"{community.Api}/elections/{layerTwo}";
        var representative = await NominateAsync(staff, community, top, "张一", by: "张一");
        await NominateAsync(staff, community, top, westDelegate, by: westDelegate);
        var topElection = await GetAsync(staff, top);
        await AdvanceToAsync(DateTimeOffset.Parse((string)topElection["nominationsCloseAt"]!, CultureInfo.InvariantCulture));
        await VoteAsync(LinkIn(await ReceiveAsync(community.Emails["张一"], "请投票：推选1栋、2栋的利益代表")), representative);
        await VoteAsync(LinkIn(await ReceiveAsync(community.Emails[westDelegate], "请投票：推选1栋、2栋的利益代表")), representative);
        var notDelegate = westDelegate == "李一" ? "李二" : "李一";
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(community.Emails[notDelegate]) && (m.Message.Subject ?? "").Contains("利益代表", StringComparison.Ordinal));

        // Step 2h: after the layer-2 deadline the workflow has finished step 2, waits for staff to plan the meeting of
        // step 3, and the panel lists the representative.
        await AdvanceToAsync(DateTimeOffset.Parse((string)topElection["ballotClosesAt"]!, CultureInfo.InvariantCulture));
        var instance = await InstanceAsync(staff, instanceId);
        Assert.Equal(["awaitPlan"], Waiting(instance));
        Assert.Equal((2, true), CandidateResult(await GetAsync(staff, top), representative));
        Assert.Equal([community.Emails["李三"]], Reminders().SelectMany(m => m.Recipients)); // both delegates had voted before the layer-2 reminder
        var panel = await GetAsync(staff, $"{community.Api}/cases/{caseId}/panel");
        var member = Assert.Single(panel["members"]!.AsArray())!;
        Assert.Equal(("张一", community.People["张一"], "representative", "election", layerTwo, true),
            ((string)member["name"]!, (string)member["personId"]!, (string)member["role"]!, (string)member["source"]!, (string)member["electionId"]!, (bool)member["votes"]!));
        Assert.Empty(panel["former"]!.AsArray());
        return new Elected(anchored, caseId);
    }

    /// <summary>Steps 3 and 4: the panel convened with the parties and the professionals decides by vote; the minutes are filed.</summary>
    public async Task<string> ConveneAndFileMinutesAsync(Elected elected)
    {
        var meetingId = await ConveneAndDecideAsync(elected.Staff, elected.Community, elected.CaseId, elected.Case.CaseNumber, elected.Case.InstanceId);
        await FileMinutesAsync(elected.Staff, elected.Community, elected.CaseId, elected.Case.CaseNumber, meetingId);
        return meetingId;
    }

    /// <summary>Step 5: the parties report progress and "done" by link; the representative answers the follow-up; the case closes.</summary>
    public Task CloseCaseAsync(Elected elected) =>
        ImplementAndCloseAsync(elected.Staff, elected.Community, elected.CaseId, elected.Case.CaseNumber, elected.Case.InstanceId);

    // ---- Minutes and step 5 ----

    /// <summary>Action items decided at the meeting, the meeting closed, the minutes filed and hashed, confirmed by everyone present, sealed, emailed and readable as .docx.</summary>
    private async Task FileMinutesAsync(HttpClient staff, Community community, string caseId, string caseNumber, string meetingId)
    {
        var due1 = _host.Time.GetUtcNow().AddDays(60);
        var due2 = _host.Time.GetUtcNow().AddDays(30);
        foreach (var (title, party, reporter, due, budget, funding) in new[]
        {
            ("两部电梯的采购、安装与验收", "物业公司", "赵经理", due1, (decimal?)560000m, "住户按楼层系数分摊、申请政府加装电梯补贴"),
            ("组织住户签订费用分摊协议", "业委会", "周主任", due2, null, null),
        })
        {
            var created = await staff.PostAsJsonAsync($"{community.Api}/cases/{caseId}/action-items",
                new { title, responsibleParty = party, personId = community.People[reporter], dueAt = due, budget, fundingSource = funding, meetingId });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        await Post(staff, $"{community.Api}/meetings/{meetingId}/close", new { });

        // 纪要确认: the five present get the draft by link (吴老板, absent, does not); all confirm, so the minutes are sealed
        // before the three days of the default window are out.
        foreach (var name in new[] { "张一", "赵经理", "周主任", "钱律师", "孙会计" })
        {
            var draft = await ReceiveAsync(community.Emails[name], "请确认会议纪要");
            Assert.Contains(Resolution, draft.TextBody, StringComparison.Ordinal);
            await EmailedLinks.AnswerFormAsync(_resident, LinkIn(draft), ("choice", "confirm"));
        }
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(community.Emails["吴老板"]) && (m.Message.Subject ?? "").Contains("请确认会议纪要", StringComparison.Ordinal));
        var confirmation = await GetAsync(staff, $"{community.Api}/meetings/{meetingId}/minutes-confirmation");
        Assert.Equal(("sealed", "all-confirmed"), ((string)confirmation["status"]!, (string)confirmation["sealed"]!["sealedBecause"]!));
        Assert.All(confirmation["participants"]!.AsArray(), p => Assert.Equal("confirmed", (string)p!["answer"]!));

        var record = (await GetAsync(staff, $"{community.Api}/meetings/{meetingId}"))["minutes"]!.AsArray().Single(m => (string)m!["culture"]! == "zh-CN")!;
        var archive = Path.Combine(_host.DataPath, "archive");
        var markdownPath = Path.Combine(archive, (string)record["markdownPath"]!);
        Assert.Equal(Path.Combine(archive, $"e2e-{_run}", BeijingYear(), caseNumber, "minutes.zh-CN.md"), markdownPath);
        var bytes = await File.ReadAllBytesAsync(markdownPath);
        Assert.Equal((string)record["markdownSha256"]!, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        var minutes = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains($"- {Resolution}", minutes, StringComparison.Ordinal);
        Assert.Contains($"- 物业公司：两部电梯的采购、安装与验收（预算 560,000 元）（完成时限：{BeijingDate(due1)}）", minutes, StringComparison.Ordinal);
        Assert.Contains($"- 业委会：组织住户签订费用分摊协议（完成时限：{BeijingDate(due2)}）", minutes, StringComparison.Ordinal);
        Assert.Contains("- 出席人员：", minutes, StringComparison.Ordinal);
        // Each member named with what they speak for: the elected representative with the buildings, the parties as what they are.
        foreach (var name in new[] { "张一（1栋、2栋利益代表）", "赵经理（物业公司）", "周主任（业委会）" }) Assert.Contains(name, minutes.Split('\n').Single(l => l.StartsWith("- 出席人员", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("- 表决事项：是否同意两栋统一招标加装电梯\n", minutes, StringComparison.Ordinal);
        // The proposal sent by link: its first line is the title, and the minutes do not print it twice.
        Assert.Contains("提案“两栋同时施工，统一招标”（周主任（业委会）提出）：由业委会牵头比选三家电梯公司，统一招标可降低造价。\n", minutes, StringComparison.Ordinal);
        Assert.Contains("- 缺席人员：吴老板（驻区单位）", minutes, StringComparison.Ordinal);
        Assert.Contains("- 列席人员：孙会计（会计师）、钱律师（律师）", minutes, StringComparison.Ordinal);
        Assert.Contains("- 赵经理（物业公司）（反对）：电梯日常维护费用由谁承担尚未说清", minutes, StringComparison.Ordinal);
        Assert.Contains("赞成 2 票，反对 1 票，弃权 1 票", minutes, StringComparison.Ordinal);
        Assert.Contains("- 住户按楼层系数分摊、申请政府加装电梯补贴", minutes, StringComparison.Ordinal);

        var docxPath = Path.Combine(archive, (string)record["docxPath"]!);
        Assert.Equal((string)record["docxSha256"]!, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(docxPath))));
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxPath, false))
            Assert.Contains(Resolution, docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        foreach (var name in new[] { "张一", "吴老板", "钱律师" })
        {
            var mail = await ReceiveAsync(community.Emails[name], "会议纪要（定稿）");
            Assert.Contains(Resolution, mail.TextBody, StringComparison.Ordinal);
            Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == $"{caseNumber}-会议纪要.docx");
            Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == $"{caseNumber}-会议纪要.pdf");
        }
    }

    /// <summary>Assignment emails, progress and "done" by link, the follow-up answered by link, the closing notice to the building heads.</summary>
    private async Task ImplementAndCloseAsync(HttpClient staff, Community community, string caseId, string caseNumber, string instanceId)
    {
        var zhao = await ReceiveAsync(community.Emails["赵经理"], "请落实并汇报进展");
        var zhou = await ReceiveAsync(community.Emails["周主任"], "请落实并汇报进展");
        Assert.Contains("责任方：物业公司", zhao.TextBody, StringComparison.Ordinal);
        await ReportAsync(LinkIn(zhao), "40", done: false, "两部电梯已订货，正在办理开工手续");
        var items = await GetAsync(staff, $"{community.Api}/cases/{caseId}/action-items");
        Assert.Equal(20, (int)items["overall"]!["percent"]!);
        _host.Time.Advance(TimeSpan.FromDays(3));
        await ReportAsync(LinkIn(zhou), "", done: true, "分摊协议已全部签订");
        _host.Time.Advance(TimeSpan.FromDays(20));
        await ReportAsync(LinkIn(zhao), "", done: true, "两部电梯已通过特种设备验收并投入使用");
        items = await GetAsync(staff, $"{community.Api}/cases/{caseId}/action-items");
        Assert.Equal((2, 100, true), ((int)items["overall"]!["done"]!, (int)items["overall"]!["percent"]!, (bool)items["overall"]!["allDone"]!));
        Assert.Equal(["followUpAnswered", "followUpCloses"], Waiting(await InstanceAsync(staff, instanceId)).Order(StringComparer.Ordinal));

        // 回访: whom the case affected are asked — the residents' representative (张一) and the three parties, not the
        // advisors. Three answer by link; the shop owner never does, so the case closes when the window ends.
        var followUp = await ReceiveAsync(community.Emails["张一"], "回访");
        await EmailedLinks.AnswerFormAsync(_resident, LinkIn(followUp), ("choice", "satisfied"), ("comment", "老人上下楼方便多了"));
        await EmailedLinks.AnswerFormAsync(_resident, LinkIn(await ReceiveAsync(community.Emails["赵经理"], "回访")), ("choice", "satisfied"), ("comment", ""));
        await EmailedLinks.AnswerFormAsync(_resident, LinkIn(await ReceiveAsync(community.Emails["周主任"], "回访")), ("choice", "fairly-satisfied"), ("comment", "维护费用还需明确"));
        Assert.Contains("回访", (await ReceiveAsync(community.Emails["吴老板"], "回访")).Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.ReadMessages(), m => (m.Message.Subject ?? "").Contains("回访", StringComparison.Ordinal)
            && (m.Recipients.Contains(community.Emails["钱律师"]) || m.Recipients.Contains(community.Emails["孙会计"])));
        Assert.Equal(["followUpAnswered", "followUpCloses"], Waiting(await InstanceAsync(staff, instanceId)).Order(StringComparer.Ordinal));
        await AdvanceToAsync(_host.Time.GetUtcNow().AddDays(7));
        var instance = await InstanceAsync(staff, instanceId);
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        Assert.NotNull((await GetAsync(staff, $"{community.Api}/cases/{caseId}/action-items"))["caseClosedAt"]);
        foreach (var head in new[] { "王楼长", "欧阳楼长" })
        {
            var notice = await ReceiveAsync(community.Emails[head], "【结案公示】");
            Assert.Contains(caseNumber, notice.TextBody, StringComparison.Ordinal);
            Assert.Contains("物业公司：两部电梯的采购、安装与验收", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains("经回访后结案", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains("回访 4 人，满意 2 人、基本满意 1 人、不满意 0 人，未答复 1 人", notice.TextBody, StringComparison.Ordinal);
        }
    }

    private async Task ReportAsync(string link, string percent, bool done, string note)
    {
        using var form = new MultipartFormDataContent { { new StringContent(percent), "percent" }, { new StringContent(note), "comment" } };
        if (done) form.Add(new StringContent("true"), "done");
        var response = await _resident.PostAsync(link, form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("已记录您的答复", text, StringComparison.Ordinal);
    }

    private string BeijingYear() => _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year.ToString(CultureInfo.InvariantCulture);

    private static string BeijingDate(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    // ---- Steps 3–4: panel, rules, time poll, invitations, reminders, quorum, meeting mode, vote, minutes ----

    private const string Resolution = "在1栋、2栋北侧各加装电梯一部，费用按楼层系数分摊";

    /// <summary>
    /// The property company and the owners' committee join as parties and a shop owner for the businesses on the
    /// ground floor (three affected groups in all, with the residents who elected 张一), a lawyer and an accountant as
    /// advisors. A two-thirds vote passes with one abstention (by link, absent) and one "no" with its reason; the minutes
    /// are filed and emailed. Returns the meeting's id.
    /// </summary>
    private async Task<string> ConveneAndDecideAsync(HttpClient staff, Community community, string caseId, string caseNumber, string instanceId)
    {
        var csv = RosterApi.Header + "\r\n" +
            $",,,,赵经理,物业,{Email("zhao")},,\r\n" +
            $",,,,周主任,业委会,{Email("zhou")},,\r\n" +
            $",,,,吴老板,驻区单位,{Email("wu")},,\r\n" +
            $",,,,钱律师,律师,{Email("qian")},,\r\n" +
            $",,,,孙会计,会计师,{Email("sun")},,\r\n";
        var import = await RosterApi.ImportAsync(staff, community.Id, System.Text.Encoding.UTF8.GetBytes(csv), "议事小组.csv");
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        foreach (var person in await RosterApi.PeopleAsync(staff, community.Id))
        {
            community.People[(string)person!["name"]!] = (string)person["id"]!;
            if ((string?)person["email"] is { Length: > 0 } email) community.Emails[(string)person["name"]!] = email;
        }
        foreach (var (name, role, kind) in new[] { ("赵经理", "party", "property-company"), ("周主任", "party", "owners-committee"),
            ("吴老板", "party", "resident-unit"), ("钱律师", "advisor", "lawyer"), ("孙会计", "advisor", "accountant") })
        {
            var added = await staff.PostAsJsonAsync($"{community.Api}/cases/{caseId}/panel", new { personId = community.People[name], role, partyKind = kind });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        var rules = await staff.PutAsJsonAsync($"{community.Api}/cases/{caseId}/rules", new { template = "residents-council-two-thirds" });
        Assert.True(rules.StatusCode == HttpStatusCode.OK, await rules.Content.ReadAsStringAsync());

        // Step 3a: staff propose three times; everyone on the panel gets the time poll by link.
        var beijing = TimeSpan.FromHours(8);
        var today = _host.Time.GetUtcNow().ToOffset(beijing).Date;
        DateTimeOffset At(int days, int hour, int minute = 0) => new(today.AddDays(days).AddHours(hour).AddMinutes(minute), beijing);
        var planned = await staff.PostAsJsonAsync($"{community.Api}/cases/{caseId}/meetings", new
        {
            name = "电梯加装议事协商会", place = "大龙社区党群服务中心二楼会议室", chair = "刘书记", recorder = "小王",
            agenda = new[] { "物业介绍两栋楼加装电梯方案", "律师、会计师说明合同与费用", "讨论分摊办法", "表决" },
            slots = new[] { At(6, 19), At(7, 8, 30), At(7, 14) }.Select(s => new { start = s, end = s.AddHours(2) }).ToArray(),
        });
        var plannedText = await planned.Content.ReadAsStringAsync();
        Assert.True(planned.StatusCode == HttpStatusCode.Created, plannedText);
        var meetingId = (string)JsonNode.Parse(plannedText)!["id"]!;
        var meetingPath = $"{community.Api}/meetings/{meetingId}";
        string[] panelNames = ["张一", "赵经理", "周主任", "吴老板", "钱律师", "孙会计"];
        foreach (var name in panelNames)
        {
            var poll = await ReceiveAsync(community.Emails[name], "请选择会议时间");
            string[] ticks = name is "吴老板" ? ["slot-1"] : name is "赵经理" ? ["slot-1", "slot-2"] : ["slot-2"];
            await EmailedLinks.AnswerFormAsync(_resident, LinkIn(poll), [.. ticks.Select(t => ("choices", t))]);
        }

        // Step 3b: at the poll deadline the slot most can make (day 7, 08:30) is fixed; invitations carry the .ics and the agenda.
        var view = await GetAsync(staff, meetingPath);
        await AdvanceToAsync(DateTimeOffset.Parse((string)view["meeting"]!["pollClosesAt"]!, CultureInfo.InvariantCulture));
        view = await GetAsync(staff, meetingPath);
        Assert.Equal(("scheduled", At(7, 8, 30)), ((string)view["meeting"]!["status"]!, DateTimeOffset.Parse((string)view["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture)));
        Assert.Equal([2, 5, 0], view["slots"]!.AsArray().Select(s => (int)s!["count"]!));
        Assert.Equal([false, true, false], view["slots"]!.AsArray().Select(s => (bool)s!["chosen"]!));
        var invitations = new Dictionary<string, MimeKit.MimeMessage>();
        foreach (var name in panelNames) invitations[name] = await ReceiveAsync(community.Emails[name], "会议通知");
        Assert.Contains("律师、会计师说明合同与费用", invitations["张一"].TextBody, StringComparison.Ordinal);
        Assert.Contains("列席会议", invitations["钱律师"].TextBody, StringComparison.Ordinal);
        Assert.Single(invitations["张一"].Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == "invite.ics");

        // Step 3c: RSVPs by link (吴老板 cannot come); 周主任 sends a proposal before the meeting.
        foreach (var name in panelNames)
            await EmailedLinks.AnswerFormAsync(_resident, EmailedLinks.LinksIn(invitations[name])[0], ("choice", name == "吴老板" ? "no" : "yes"));
        await EmailedLinks.AnswerFormAsync(_resident, EmailedLinks.LinksIn(invitations["周主任"])[1],
            ("comment", "两栋同时施工，统一招标\n由业委会牵头比选三家电梯公司，统一招标可降低造价。"));

        // Step 3d: reminders — 24 h before (day 6, 08:30), and 2 h before at 06:30, in quiet hours, so at 07:00 instead.
        var instance = await InstanceAsync(staff, instanceId);
        var reminders = instance["outputs"]!["schedule"]!["reminders"]!.AsArray();
        Assert.Equal([At(6, 8, 30), At(7, 7)], reminders.Select(r => DateTimeOffset.Parse((string)r!["sendAt"]!, CultureInfo.InvariantCulture)));
        Assert.True((bool)reminders[1]!["shifted"]!);
        await AdvanceToAsync(At(6, 8, 30));
        Assert.Contains("约24小时后", (await ReceiveAsync(community.Emails["张一"], "会议提醒")).TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.ReadMessages(), m => m.Recipients.Contains(community.Emails["吴老板"]) && (m.Message.Subject ?? "").StartsWith("会议提醒", StringComparison.Ordinal));

        // The quorum check (24 h before, at the same instant): three of four voters confirmed, two-thirds needs three.
        instance = await InstanceAsync(staff, instanceId);
        Assert.Contains("awaitVote", Waiting(instance));
        await AdvanceToAsync(At(7, 7) - Tick);
        await Dispatcher.DispatchDueAsync(100, CancellationToken.None);
        Assert.Single(smtp.ReadMessages(), m => m.Recipients.Contains(community.Emails["张一"]) && (m.Message.Subject ?? "").StartsWith("会议提醒", StringComparison.Ordinal));
        await AdvanceToAsync(At(7, 7));
        var early = await ReceiveAsync(community.Emails["张一"], "会议提醒");
        Assert.Equal(At(7, 7), early.Date);
        Assert.Contains("约2小时后", early.TextBody, StringComparison.Ordinal);

        // Step 4a: meeting mode. Attendance, the proposal sent by link discussed, points raised by the professionals.
        await AdvanceToAsync(At(7, 8, 31));
        await Put(staff, $"{meetingPath}/attendance", new
        {
            entries = new[] { ("张一", true), ("赵经理", true), ("周主任", true), ("吴老板", false), ("钱律师", true), ("孙会计", true) }
                .Select(e => new { personId = community.People[e.Item1], present = e.Item2 }).ToArray(),
        });
        view = await GetAsync(staff, meetingPath);
        var proposal = Assert.Single(view["proposals"]!.AsArray())!;
        Assert.Equal(("两栋同时施工，统一招标", "link"), ((string)proposal["title"]!, (string)proposal["source"]!));
        await Post(staff, $"{meetingPath}/proposals/{proposal["id"]}/discussed", new { });
        await Post(staff, $"{meetingPath}/points", new { text = "施工合同须约定工期和质保，避免后续维修责任不清", personId = community.People["钱律师"] });
        await Post(staff, $"{meetingPath}/points", new { text = "按楼层系数分摊，一楼住户不出资，每户约2.1万元", personId = community.People["孙会计"] });

        // Step 4b: the two-thirds vote. 张一 and 周主任 yes, 赵经理 no with his reason; 吴老板, absent, abstains by link.
        var opened = await Post(staff, $"{meetingPath}/votes", new { question = "是否同意两栋统一招标加装电梯", proposalId = (string)proposal["id"]! });
        var voteId = (string)opened["vote"]!["id"]!;
        await Post(staff, $"{meetingPath}/votes/{voteId}/ballots", new { personId = community.People["张一"], choice = "yes" });
        await Post(staff, $"{meetingPath}/votes/{voteId}/ballots", new { personId = community.People["周主任"], choice = "yes" });
        await Post(staff, $"{meetingPath}/votes/{voteId}/ballots", new { personId = community.People["赵经理"], choice = "no", reason = "电梯日常维护费用由谁承担尚未说清" });
        var voteLink = await ReceiveAsync(community.Emails["吴老板"], "请表决");
        await EmailedLinks.AnswerFormAsync(_resident, LinkIn(voteLink), ("choice", "abstain"), ("comment", "店面在一楼，不参与分摊"));
        var closed = await Post(staff, $"{meetingPath}/votes/{voteId}/close", new { });
        Assert.True((bool)closed["vote"]!["passed"]!);
        Assert.Equal((2, 1, 1, 4, 4), ((int)closed["tally"]!["yes"]!, (int)closed["tally"]!["no"]!, (int)closed["tally"]!["abstentions"]!,
            (int)closed["tally"]!["present"]!, (int)closed["tally"]!["eligible"]!));
        Assert.Equal("link", (string)closed["ballots"]!.AsArray().Single(b => (string)b!["name"]! == "吴老板")!["channel"]!);
        await Post(staff, $"{meetingPath}/resolutions", new { text = Resolution });
        return meetingId;
    }

    private static async Task<JsonNode> Post(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task Put(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    // ---- Step 0 and 1: community, accounts, roster, complaints, ranking, anchor ----

    /// <summary>大龙社区 with precinct 东苑 and building groups 1栋, 2栋 and 3栋, created by the administrator.</summary>
    private async Task<Community> CreateCommunityAsync()
    {
        var created = await _admin.PostAsJsonAsync("/api/communities", new { code = "e2e-" + _run, name = "大龙社区" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync($"/api/communities/{id}/precincts", new { name = "东苑" })).StatusCode);
        var buildings = new Dictionary<string, string>();
        foreach (var name in new[] { "1栋", "2栋", "3栋" })
        {
            var response = await _admin.PostAsJsonAsync($"/api/communities/{id}/building-groups", new { precinctName = "东苑", name });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            buildings[name] = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }
        return new Community(id, buildings, [], [], []);
    }

    /// <summary>An account of the role for the community, created by the administrator and signed in.</summary>
    private async Task<HttpClient> AccountAsync(Community community, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{_run}@test.local";
        var created = await _admin.PostAsJsonAsync("/api/users", new
        {
            email, displayName = role, password = Password, roles = new[] { role }, communityIds = new[] { Guid.Parse(community.Id) },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = _host.CreateAnonymousClient();
        await TestAccounts.SignInAsync(client, email, Password);
        _accounts.Add(client);
        return client;
    }

    private string Email(string local) => $"{local}-{_run}@test.local";

    /// <summary>
    /// 1栋 (GBK CSV): 张一 and 张二 with email, 张三 without, building head 王楼长. 2栋 and 3栋 (.xlsx): 李一, 李二 and 李三
    /// with email, building head 欧阳楼长; 孙五 in 3栋. Seven households in all; fills in the community's people by name.
    /// </summary>
    private async Task ImportRosterAsync(HttpClient staff, Community community)
    {
        var csv = RosterApi.Header + "\r\n" +
            $"东苑,1栋,101,80,张一,居民,{Email("zhang1")},138-0000-0001,是\r\n" +
            $"东苑,1栋,102,80,张二,居民,{Email("zhang2")},,是\r\n" +
            "东苑,1栋,103,80,张三,居民,,13800000003,是\r\n" +
            $"东苑,1栋,,,王楼长,楼长,{Email("head-wang")},,\r\n";
        var eastImport = await RosterApi.ImportAsync(staff, community.Id, RosterApi.Gbk().GetBytes(csv), "1栋名册.csv");
        Assert.True(eastImport.StatusCode == HttpStatusCode.OK, await eastImport.Content.ReadAsStringAsync());
        var eastSummary = (await eastImport.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((3, 4), ((int)eastSummary["householdsAdded"]!, (int)eastSummary["peopleAdded"]!));

        var workbook = RosterApi.Workbook(
            ["网格", "楼栋", "房号", "建筑面积", "姓名", "角色", "邮箱", "电话", "户代表"],
            ["东苑", "2栋", 201, 75.5, "李一", "居民", Email("li1"), 13900000001L, "是"],
            ["东苑", "2栋", 202, 75.5, "李二", "居民", Email("li2"), null, "是"],
            ["东苑", "2栋", 203, 75.5, "李三", "居民", Email("li3"), null, "是"],
            ["东苑", "2栋", null, null, "欧阳楼长", "楼长", Email("head-ouyang"), null, null],
            ["东苑", "3栋", 301, 60, "孙五", "居民", null, null, "是"]);
        var westImport = await RosterApi.ImportAsync(staff, community.Id, workbook, "2栋3栋名册.xlsx");
        Assert.True(westImport.StatusCode == HttpStatusCode.OK, await westImport.Content.ReadAsStringAsync());
        var westSummary = (await westImport.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((4, 5), ((int)westSummary["householdsAdded"]!, (int)westSummary["peopleAdded"]!));

        var people = await RosterApi.PeopleAsync(staff, community.Id);
        Assert.Equal(9, people.Count);
        foreach (var person in people)
        {
            var name = (string)person!["name"]!;
            community.People[name] = (string)person["id"]!;
            if ((string?)person["email"] is { Length: > 0 } email) community.Emails[name] = email;
            if (person["householdId"] is { } household) community.Households[$"{person["buildingGroupName"]}-{person["unit"]}"] = (string)household!;
        }
        Assert.Equal(7, community.Households.Count);
        Assert.False(community.Emails.ContainsKey("张三"));
        Assert.Equal("138****0001", (string)people.Single(p => (string)p!["name"]! == "张一")!["phone"]!);
        Assert.Equal(["王楼长", "欧阳楼长"], (await RosterApi.PeopleAsync(staff, community.Id, "?role=楼长")).Select(p => (string)p!["name"]!).OrderBy(n => n != "王楼长"));
    }

    /// <summary>Logs a complaint as a phone sends it; returns its id.</summary>
    private static async Task<string> LogAsync(HttpClient client, Community community, string title, string category, int severity, int urgency, int reporters,
        string[]? buildings = null, string[]? households = null)
    {
        var response = await client.PostAsJsonAsync(community.Complaints, new
        {
            categoryCode = category,
            title,
            description = "居民来电反映：" + title,
            severity,
            urgency,
            reporterCount = reporters,
            buildingGroupIds = (buildings ?? []).Select(b => community.Buildings[b]).ToArray(),
            householdIds = (households ?? []).Select(h => community.Households[h]).ToArray(),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (string)JsonNode.Parse(text)!["complaint"]!["id"]!;
    }

    private static async Task MergeAsync(HttpClient staff, Community community, string target, string duplicate)
    {
        var response = await staff.PostAsJsonAsync($"{community.Complaints}/{target}/merge", new { sourceIds = new[] { duplicate } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var merged = JsonNode.Parse(text)!;
        Assert.Equal(9, (int)merged["complaint"]!["reporterCount"]!);
        Assert.Equal([duplicate], merged["mergedComplaintIds"]!.AsArray().Select(id => (string)id!));
        Assert.Equal(["1栋", "2栋"], merged["scopes"]!.AsArray().Select(s => (string)s!["buildingGroupName"]!).Order(StringComparer.Ordinal));
        var source = await GetAsync(staff, $"{community.Complaints}/{duplicate}");
        Assert.Equal(("merged", target), ((string)source["complaint"]!["status"]!, (string)source["complaint"]!["mergedIntoId"]!));
    }

    /// <summary>The open complaints in the expected order, each score with its four parts adding up to it.</summary>
    private static async Task AssertRankingAsync(HttpClient staff, Community community, string[] expectedOrder)
    {
        var items = (await GetAsync(staff, $"{community.Complaints}/ranking"))["items"]!.AsArray();
        Assert.Equal(expectedOrder, items.Select(i => (string)i!["complaintId"]!));
        Assert.Equal(Enumerable.Range(1, expectedOrder.Length), items.Select(i => (int)i!["rank"]!));
        foreach (var item in items)
        {
            var parts = item!["parts"]!.AsArray();
            Assert.Equal(["reporters", "urgency", "severity", "share"], parts.Select(p => (string)p!["name"]!));
            Assert.All(parts, p => Assert.True(p!["raw"] is not null && p["normalized"] is not null && p["weight"] is not null && p["contribution"] is not null));
            Assert.Equal((double)item["score"]!, parts.Sum(p => (double)p!["contribution"]!), tolerance: 0.06); // score 1 decimal, parts 2
            Assert.Equal(7, (int)item["communityHouseholds"]!);
        }
        var scores = items.Select(i => (double)i!["score"]!).ToList();
        Assert.True(scores[0] > scores[1] && scores[1] > scores[2], string.Join(", ", scores));
        // The merged complaint: 5 + 4 reporters, its own urgency and severity, 1栋's three and 2栋's three households.
        Assert.Equal([9.0, 4, 4, 6], items[0]!["parts"]!.AsArray().Select(p => (double)p!["raw"]!));
    }

    /// <summary>Anchors the complaint with the default workflow; the 公示 reaches both building heads. Returns the case number and instance id.</summary>
    private async Task<(string CaseNumber, string InstanceId)> AnchorAsync(HttpClient staff, Community community, string complaintId)
    {
        var noticeEnds = TimeZoneInfo.ConvertTime(_host.Time.GetUtcNow().AddDays(3), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        // 1栋 and 2栋 as one affected group (grouping together): it elects in two layers, delegates per building, then the representative.
        var response = await staff.PostAsJsonAsync($"{community.Complaints}/{complaintId}/anchor", new { input = new { grouping = "together" } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var anchored = JsonNode.Parse(text)!;
        var caseNumber = (string)anchored["complaint"]!["caseNumber"]!;
        Assert.Equal($"E2E-{_run.ToUpperInvariant()}-2026-001", caseNumber);
        Assert.Equal("fanshi-youjiqing", (string)anchored["instance"]!["definitionId"]!);
        Assert.Equal((2, 1), ((int)anchored["noticesQueued"]!, (int)anchored["ranking"]!["rank"]!));
        Assert.Empty(anchored["buildingsWithoutNotice"]!.AsArray());

        foreach (var head in new[] { "王楼长", "欧阳楼长" })
        {
            var notice = await ReceiveAsync(community.Emails[head], "【公示】");
            Assert.Equal("【公示】大龙社区：1栋电梯经常停运 已列为协商议题", notice.Subject);
            Assert.StartsWith(head + "您好：", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains($"案件编号：{caseNumber}", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains("涉及楼栋：1栋、2栋", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains($"公示期：至 {noticeEnds:yyyy年M月d日 HH:mm} 止", notice.TextBody, StringComparison.Ordinal);
        }
        return (caseNumber, (string)anchored["instance"]!["instanceId"]!);
    }

    // ---- Step 2: the case, elections, ballots and the workflow's timers ----

    /// <summary>The case the workflow opened for the anchored complaint, found by its case number.</summary>
    private static async Task<string> CaseIdAsync(HttpClient staff, Community community, string caseNumber)
    {
        var cases = (await staff.GetFromJsonAsync<JsonArray>($"{community.Api}/cases?caseNumber={Uri.EscapeDataString(caseNumber)}"))!;
        return (string)Assert.Single(cases)!["id"]!;
    }

    /// <summary>The group's elections of the layer, election id by building group id (layer 2: by the empty string).</summary>
    private static async Task<Dictionary<string, string>> ElectionsAsync(HttpClient staff, string groupPath, int layer) =>
        (await GetAsync(staff, groupPath))["elections"]!.AsArray().Where(e => (int)e!["layer"]! == layer)
            .ToDictionary(e => (string?)e!["buildingGroupId"] ?? "", e => (string)e!["id"]!);

    /// <summary>Nominates through the stakeholders API; returns the candidate id, as the API shows it and the ballot offers it.</summary>
    private static async Task<string> NominateAsync(HttpClient staff, Community community, string electionPath, string name, string by)
    {
        var response = await staff.PostAsJsonAsync($"{electionPath}/nominations",
            new { personId = community.People[name], nominatedByPersonId = community.People[by] });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    private static JsonNode Ballot(JsonNode election, string personId) =>
        election["ballots"]!.AsArray().Single(b => (string)b!["personId"]! == personId)!;

    private static (int Votes, bool Elected) CandidateResult(JsonNode election, string candidate)
    {
        var c = election["candidates"]!.AsArray().Single(x => (string)x!["id"]! == candidate)!;
        return ((int)c["votes"]!, (bool)c["elected"]!);
    }

    /// <summary>Moves the fake clock to the instant and fires the workflow timers due by then.</summary>
    private async Task AdvanceToAsync(DateTimeOffset at)
    {
        var by = at - _host.Time.GetUtcNow();
        Assert.True(by > TimeSpan.Zero, $"{at:O} has passed already.");
        _host.Time.Advance(by);
        await _host.TimerPump.FireAllDueAsync(CancellationToken.None);
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient staff, string instanceId)
    {
        var instance = (JsonObject)await GetAsync(staff, $"/api/instances/{instanceId}");
        Assert.True(instance["incidents"]!.AsArray().Count == 0, instance["incidents"]!.ToJsonString());
        return instance;
    }

    /// <summary>What the instance waits for, apart from <c>groupElections</c>, the ForEach that waits while its groups' elections run.</summary>
    private static string[] Waiting(JsonObject instance) =>
        instance["waiting"]!.AsArray().Select(w => (string)w!["activityId"]!).Where(w => w != "groupElections").ToArray();

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    // ---- Email and answer links ----

    private OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Every reminder the SMTP server received.</summary>
    private List<SmtpServer.ReceivedMessage> Reminders() =>
        smtp.ReadMessages().Where(m => (m.Message.Subject ?? "").StartsWith("提醒", StringComparison.Ordinal)
            && m.Recipients.All(r => r.EndsWith($"-{_run}@test.local", StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Delivers the outbox until the newest message to the address whose subject has the text arrives (the SMTP server is another process).</summary>
    private Task<MimeKit.MimeMessage> ReceiveAsync(string address, string subjectPart) =>
        EmailedLinks.ReceiveAsync(smtp, Dispatcher, address, subjectPart);

    /// <summary>Posts the answer form of the answer page, as the browser does.</summary>
    private Task VoteAsync(string path, string choice) => EmailedLinks.AnswerAsync(_resident, path, choice);

    /// <summary>The answer-page path of the link in a message's body.</summary>
    private static string LinkIn(MimeKit.MimeMessage message) => EmailedLinks.LinkIn(message);

}
