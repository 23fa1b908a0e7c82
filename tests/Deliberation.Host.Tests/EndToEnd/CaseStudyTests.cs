using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Participation;
using Deliberation.Host.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Tests.EndToEnd;

/// <summary>
/// The case studies run with their own figures, through the API, fake time and a real SMTP server: Dalong's stairs for
/// the elderly (seed 002), where every affected building is represented and the largest elects by entrance; Wenhualu's
/// four-party fire-safety renovation (seed 001), a matter between organisations with no election; and a community of
/// several compounds, each with its own 1栋.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class CaseStudyTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private CaseStudyWorld _world = null!;

    public async Task InitializeAsync() => _world = await CaseStudyWorld.StartAsync(smtp);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>The candidates of each election, with an email each; everyone else answers on paper.</summary>
    private static readonly Dictionary<string, string[]> Candidates = new()
    {
        ["3栋"] = ["王建国", "李秀英", "赵伟"],
        ["4栋"] = ["刘芳", "陈强", "杨敏"],
        ["5栋1单元"] = ["黄海", "林涛"], ["5栋2单元"] = ["何静", "高峰"], ["5栋3单元"] = ["罗军", "郑丽"],
        ["5栋4单元"] = ["梁勇", "宋洁"], ["5栋5单元"] = ["谢斌", "韩雪"], ["5栋6单元"] = ["唐磊", "冯霞"],
    };

    [Fact]
    public async Task Dalong_EveryBuildingRepresented_5栋ByEntrance_TwoThirdsVote_FundingBySource_FollowUpAtItsTime()
    {
        var w = _world;
        await SetUpDalongAsync(w);

        // Step 1: the complaint of the three buildings, with the share of elderly residents; anchored with two seats per
        // election and the follow-up two months after the work is done.
        var complaintId = await LogDalongComplaintAsync(w);
        var anchored = await w.PostAsync($"{w.Api}/complaints/{complaintId}/anchor", new { input = new { seats = 2, followUpAfter = "60d", followUpHouseholds = 5 } });
        var instanceId = (string)anchored["instance"]!["instanceId"]!;
        var caseNumber = (string)anchored["complaint"]!["caseNumber"]!;
        var notice = await w.ReceiveAsync(w.Email("huang"), "【公示】");
        Assert.Contains("受影响居民中长者（60 岁及以上）占 12.45%", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("涉及楼栋：龙基花园3栋、龙基花园4栋、龙基花园5栋", notice.TextBody, StringComparison.Ordinal);
        await w.AdvanceAsync(TimeSpan.FromDays(3));

        // Step 2: one affected group per building; 3栋 and 4栋 elect in one layer, 5栋 (180 households, six entrances) by entrance.
        var found = (await w.GetAsync($"{w.Api}/cases?caseNumber={caseNumber}")).AsArray().Single()!;
        var caseId = (string)found["id"]!;
        var groups = found["groups"]!.AsArray().ToDictionary(g => (string)g!["name"]!, g => g!);
        Assert.Equal(
            [("龙基花园3栋", "single-layer", 36), ("龙基花园4栋", "single-layer", 40), ("龙基花园5栋", "layered", 180)],
            groups.Values.Select(g => ((string)g!["name"]!, (string)g["mode"]!, (int)g["householdCount"]!)).OrderBy(g => g.Item1, StringComparer.Ordinal));
        var firstLayer = await ElectionsAsync(w, layer: 1);
        Assert.Equal(["3栋", "4栋", "5栋1单元", "5栋2单元", "5栋3单元", "5栋4单元", "5栋5单元", "5栋6单元"], firstLayer.Keys.Order(StringComparer.Ordinal));
        Assert.All(firstLayer.Values, e => Assert.Equal(2, e.Seats));
        foreach (var (section, election) in firstLayer)
            foreach (var name in Candidates[section]) await NominateAsync(w, election.Id, name);
        await w.AdvanceAsync(TimeSpan.FromDays(3));

        // Ballots for two: every household may choose two (an over-vote is refused); a paper ballot per household.
        var ballots = await w.OpenTasksAsync(TaskPurposes.Ballot);
        Assert.Equal(256, ballots.Count);
        await using (var db = w.Database.CreateContext())
        {
            var data = JsonNode.Parse((await db.Tasks.SingleAsync(t => t.Id == ballots[0].TaskId)).Data)!;
            Assert.Equal((true, 2), ((bool)data["multiple"]!, (int)data["maxChoices"]!));
        }
        await VoteEveryBallotAsync(w, ballots);
        await w.AdvanceAsync(TimeSpan.FromDays(5));

        // 3栋 and 4栋 have their representatives; each entrance of 5栋 its two delegates, who now elect 5栋's two.
        var secondLayer = Assert.Single(await ElectionsAsync(w, layer: 2)).Value;
        Assert.Equal(["nominations"], await w.WaitingAsync(instanceId));
        foreach (var name in new[] { "黄海", "何静", "罗军" }) await NominateAsync(w, secondLayer.Id, name);
        await w.AdvanceAsync(TimeSpan.FromDays(3));
        var delegateBallots = await w.OpenTasksAsync(TaskPurposes.Ballot);
        Assert.Equal(12, delegateBallots.Count);
        await VoteEveryBallotAsync(w, delegateBallots);
        await w.AdvanceAsync(TimeSpan.FromDays(5));
        Assert.Equal(["awaitPlan"], await w.WaitingAsync(instanceId));

        // Every building represented, each by its own two.
        var panel = (await w.GetAsync($"{w.Api}/cases/{caseId}/panel"))["members"]!.AsArray();
        var byGroup = panel.GroupBy(m => (string?)m!["groupId"]).ToDictionary(g => g.Key ?? "", g => g.Select(m => (string)m!["name"]!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["李秀英", "王建国"], byGroup[(string)groups["龙基花园3栋"]["id"]!]);
        Assert.Equal(["刘芳", "陈强"], byGroup[(string)groups["龙基花园4栋"]["id"]!]);
        Assert.Equal(["何静", "黄海"], byGroup[(string)groups["龙基花园5栋"]["id"]!]);

        // Step 3: the parties join the panel; the rules ask two-thirds.
        foreach (var (name, kind) in new[] { ("赵经理", PartyKinds.PropertyCompany), ("周主任", PartyKinds.OwnersCommittee), ("陈社工", PartyKinds.SocialWorker) })
            await w.PostAsync($"{w.Api}/cases/{caseId}/panel", new { personId = w.People[name], role = PanelRoles.Party, partyKind = kind }, HttpStatusCode.Created);
        await w.PutAsync($"{w.Api}/cases/{caseId}/rules", new { template = "residents-council-two-thirds" });
        var (meetingId, meetingPath) = await w.ConveneAsync(caseId, "楼梯适老化改造议事协商会", instanceId);

        // Step 4: 7 yes, 1 abstention, 1 no with its reason — two-thirds of nine reached.
        const string Motion = "是否同意在3栋、4栋、5栋加装楼梯扶手和休息座椅";
        var closed = await w.VoteAsync(meetingPath, Motion,
            ("王建国", "yes", null), ("李秀英", "yes", null), ("刘芳", "yes", null), ("黄海", "yes", null), ("何静", "yes", null),
            ("赵经理", "yes", null), ("周主任", "yes", null), ("陈社工", "abstain", null), ("陈强", "no", "费用分摊不公平"));
        Assert.True((bool)closed["vote"]!["passed"]!);
        Assert.Equal((7, 1, 1, 9), ((int)closed["tally"]!["yes"]!, (int)closed["tally"]!["no"]!, (int)closed["tally"]!["abstentions"]!, (int)closed["tally"]!["eligible"]!));
        await w.PostAsync($"{meetingPath}/resolutions", new { text = "在龙基花园3栋、4栋、5栋加装楼梯扶手和休息座椅，所需5万元由慈善募捐和物业公司承担" });

        // Funding by source, summing to the budget: a total that does not add up is refused and changes nothing.
        var due = w.Now.AddDays(30);
        var refused = await w.Staff.PostAsJsonAsync($"{w.Api}/cases/{caseId}/action-items", new
        {
            title = "加装楼梯扶手和休息座椅", responsibleParty = "物业公司", personId = w.People["赵经理"], dueAt = due, budget = 50000m, meetingId,
            funding = new[] { new { source = "charity-drive", amount = 30000m }, new { source = "property-company", amount = 15000m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("funding-sum", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var item = await w.PostAsync($"{w.Api}/cases/{caseId}/action-items", new
        {
            title = "加装楼梯扶手和休息座椅", responsibleParty = "物业公司", personId = w.People["赵经理"], dueAt = due, budget = 50000m, meetingId,
            funding = new[] { new { source = "charity-drive", amount = 30000m }, new { source = "property-company", amount = 20000m } },
        }, HttpStatusCode.Created);
        Assert.Equal(["慈善募捐", "物业公司"], item["funding"]!.AsArray().Select(f => (string)f!["name"]!));
        await w.PostAsync($"{meetingPath}/close", new { });

        // The minutes state the motion, who represents which building and each party as what it is, and the funding by source.
        var minutes = await w.MinutesAsync(meetingId);
        Assert.Contains($"- 表决事项：{Motion}\n", minutes, StringComparison.Ordinal);
        var present = minutes.Split('\n').Single(l => l.StartsWith("- 出席人员", StringComparison.Ordinal));
        foreach (var who in new[] { "王建国（龙基花园3栋利益代表）", "陈强（龙基花园4栋利益代表）", "黄海（龙基花园5栋利益代表）", "赵经理（物业公司）", "周主任（业委会）", "陈社工（社工）" })
            Assert.Contains(who, present, StringComparison.Ordinal);
        Assert.Contains("赞成 7 票，反对 1 票，弃权 1 票", minutes, StringComparison.Ordinal);
        Assert.Contains("费用分摊不公平", minutes, StringComparison.Ordinal);
        foreach (var line in new[] { "- 慈善募捐 30,000 元\n", "- 物业公司 20,000 元\n", "- 合计 50,000 元\n" }) Assert.Contains(line, minutes, StringComparison.Ordinal);

        // Step 5: done in three weeks; nobody is asked until the follow-up's set time, 60 days on.
        await w.AdvanceAsync(TimeSpan.FromDays(21));
        await w.PostAsync($"{w.Api}/action-items/{item["id"]}/progress", new { report = new { percent = 100, done = true, comment = "扶手和座椅已安装验收" } });
        Assert.Equal(["followUpDelay"], await w.WaitingAsync(instanceId));
        Assert.Empty(await w.OpenTasksAsync(TaskPurposes.FollowUp));
        await w.AdvanceAsync(TimeSpan.FromDays(60));

        // The follow-up reaches every representative and every party, by email, and five affected households drawn at
        // random; the last answer closes the case.
        var followUps = await w.OpenTasksAsync(TaskPurposes.FollowUp);
        var asked = followUps.Select(f => f.PersonId.ToString()).ToHashSet();
        var panelPeople = new[] { "王建国", "李秀英", "刘芳", "陈强", "黄海", "何静", "赵经理", "周主任", "陈社工" }.Select(n => w.People[n]).ToHashSet();
        Assert.Equal(14, asked.Count);
        Assert.Subset(asked, panelPeople);
        await using (var db = w.Database.CreateContext())
        {
            var sampled = asked.Except(panelPeople).Select(Guid.Parse).ToList();
            Assert.Equal(5, await db.People.CountAsync(p => sampled.Contains(p.Id) && p.IsHouseholdRepresentative && p.HouseholdId != null));
        }
        Assert.Contains("回访", (await w.ReceiveAsync(w.Email("zhou"), "回访")).Subject, StringComparison.Ordinal);
        var people = w.People.ToDictionary(p => p.Value, p => p.Key);
        foreach (var (taskId, personId, _) in followUps)
            await w.ProxyAnswerAsync(taskId, new { choice = people[personId.ToString()] switch { "陈强" => "dissatisfied", "陈社工" => "fairly-satisfied", _ => "satisfied" } });
        var instance = await w.GetAsync($"/api/instances/{instanceId}");
        Assert.Equal("Finished", (string)instance["instance"]!["status"]!);
        var record = instance["outputs"]!["closeCase"]!;
        Assert.Equal((12, 1, 1, 0), ((int)record["satisfied"]!, (int)record["fairlySatisfied"]!, (int)record["dissatisfied"]!, (int)record["noAnswer"]!));
        var closing = await w.ReceiveAsync(w.Email("huang"), "【结案公示】");
        Assert.Contains("回访 14 人，满意 12 人、基本满意 1 人、不满意 1 人，未答复 0 人", closing.TextBody, StringComparison.Ordinal);
        Assert.Contains("资金来源：慈善募捐 30,000 元、物业公司 20,000 元", closing.TextBody, StringComparison.Ordinal);

        // The case page's follow-up: the same counts, and each person's answer with the group they speak for.
        var followUp = await w.GetAsync($"{w.Api}/cases/{caseId}/follow-up");
        Assert.Equal((14, 12, 1, 1, 0), ((int)followUp["asked"]!, (int)followUp["satisfied"]!, (int)followUp["fairlySatisfied"]!, (int)followUp["dissatisfied"]!,
            (int)followUp["noAnswer"]!));
        var chen = followUp["answers"]!.AsArray().Single(a => (string)a!["name"]! == "陈强")!;
        Assert.Equal(("dissatisfied", "proxy", (string)groups["龙基花园4栋"]["id"]!), ((string)chen["choice"]!, (string)chen["channel"]!, (string)chen["groupId"]!));
    }

    [Fact]
    public async Task Wenhualu_FourPartyJointMeeting_NoElection_BlockedFirstThenConsensus_MinutesKeepTheBlockedRound()
    {
        var w = _world;
        await w.CreateCommunityAsync("文化路社区", ("宇辉星城", "1栋"), ("宇辉星城", "2栋"));
        var rows = Enumerable.Range(1, 40).Select(i => $"宇辉星城,{(i <= 20 ? "1栋" : "2栋")},1单元,{i:000},90,宇辉住户{i},居民,,是").ToList();
        rows.Add($"宇辉星城,1栋,,,,孙楼长,楼长,{w.Email("sun")},");
        rows.Add($",,,,,刘主任,居委会,{w.Email("liu")},");
        rows.Add($",,,,,王书记,网格党支部,{w.Email("wang")},");
        rows.Add($",,,,,周主任,业委会,{w.Email("zhou")},");
        rows.Add($",,,,,赵经理,物业,{w.Email("zhao")},");
        rows.Add($",,,,,吴站长,驻区单位,{w.Email("wu")},");
        await w.ImportRosterAsync(rows);
        // The community adds a kind of party of its own; a built-in kind cannot be added again, and a refusal changes nothing.
        var twice = await w.Staff.PutAsJsonAsync($"{w.Api}/party-kinds", new { kinds = new[] { "共建单位", "物业公司" } });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.DoesNotContain((await w.GetAsync($"{w.Api}/party-kinds")).AsArray(), k => (bool)k!["own"]!);
        await w.PutAsync($"{w.Api}/party-kinds", new { kinds = new[] { "共建单位" } });
        var complaint = await w.PostAsync($"{w.Api}/complaints", new
        {
            categoryCode = "security", title = "宇辉星城消防设施老化，需整体改造", severity = 5, urgency = 4, reporterCount = 9,
            buildingGroupIds = new[] { w.Buildings["宇辉星城1栋"], w.Buildings["宇辉星城2栋"] },
        }, HttpStatusCode.Created);
        var anchored = await w.PostAsync($"{w.Api}/complaints/{(string)complaint["complaint"]!["id"]!}/anchor",
            new { input = new { stakeholderMode = "parties", noticePeriod = "0s", minutesConfirmation = "0s" } });
        var instanceId = (string)anchored["instance"]!["instanceId"]!;

        // A matter between organisations: no group, no election; the workflow waits for the meeting at once.
        Assert.Equal(["awaitPlan"], await w.WaitingAsync(instanceId));
        var found = (await w.GetAsync($"{w.Api}/cases?caseNumber={(string)anchored["complaint"]!["caseNumber"]!}")).AsArray().Single()!;
        Assert.Equal(("parties", 0), ((string)found["stakeholderMode"]!, found["groups"]!.AsArray().Count));
        await using (var db = w.Database.CreateContext())
            Assert.Equal(0, await db.Elections.CountAsync(e => e.CommunityId == Guid.Parse(w.Community)));
        var caseId = (string)found["id"]!;
        foreach (var (name, kind) in new[] { ("刘主任", PartyKinds.ResidentsCommittee), ("王书记", PartyKinds.GridPartyBranch),
            ("周主任", PartyKinds.OwnersCommittee), ("赵经理", PartyKinds.PropertyCompany), ("吴站长", "共建单位") })
            await w.PostAsync($"{w.Api}/cases/{caseId}/panel", new { personId = w.People[name], role = PanelRoles.Party, partyKind = kind }, HttpStatusCode.Created);
        await w.PutAsync($"{w.Api}/cases/{caseId}/rules", new { template = "consensus" });

        // Meeting 1: the property company blocks; the meeting closes without a decision and the workflow waits for the next.
        var (_, firstPath) = await w.ConveneAsync(caseId, "四方联动联席会议", instanceId);
        var blocked = await w.VoteAsync(firstPath, "是否同意按方案一改造消防设施",
            ("刘主任", "yes", null), ("王书记", "yes", null), ("周主任", "yes", null), ("吴站长", "yes", null), ("赵经理", "no", "二十万元改造费用超出物业年度预算"));
        Assert.False((bool)blocked["vote"]!["passed"]!);
        await w.PostAsync($"{firstPath}/close", new { });
        Assert.Equal(["awaitPlan"], await w.WaitingAsync(instanceId));

        // Meeting 2: with the maintenance fund and a street subsidy, consensus.
        var (second, secondPath) = await w.ConveneAsync(caseId, "四方联动联席会议（第二次）", instanceId);
        var agreed = await w.VoteAsync(secondPath, "是否同意动用维修资金并申请街道补贴改造消防设施",
            ("刘主任", "yes", null), ("王书记", "yes", null), ("周主任", "yes", null), ("吴站长", "yes", null), ("赵经理", "yes", null));
        Assert.True((bool)agreed["vote"]!["passed"]!);
        await w.PostAsync($"{secondPath}/resolutions", new { text = "动用专项维修资金并申请街道补贴，整体改造宇辉星城消防设施" });
        await w.PostAsync($"{w.Api}/cases/{caseId}/action-items", new
        {
            title = "消防设施整体改造", responsibleParty = "物业公司", personId = w.People["赵经理"], dueAt = w.Now.AddDays(90), meetingId = second,
            funding = new[] { new { source = "maintenance-fund", amount = 150000m, detail = (string?)null }, new { source = "government", amount = 50000m, detail = (string?)"街道办事处" } },
        }, HttpStatusCode.Created);
        await w.PostAsync($"{secondPath}/close", new { });

        // The deciding minutes keep the blocked round with its objector and reason; each party is named as what it is.
        var minutes = await w.MinutesAsync(second);
        Assert.Contains("第 1 次会议“是否同意按方案一改造消防设施”：未通过", minutes, StringComparison.Ordinal);
        Assert.Contains("赵经理（物业公司）（反对）：二十万元改造费用超出物业年度预算", minutes, StringComparison.Ordinal);
        var present = minutes.Split('\n').Single(l => l.StartsWith("- 出席人员", StringComparison.Ordinal));
        foreach (var who in new[] { "刘主任（居委会）", "王书记（网格党支部）", "周主任（业委会）", "赵经理（物业公司）", "吴站长（共建单位）" })
            Assert.Contains(who, present, StringComparison.Ordinal);
        foreach (var line in new[] { "- 专项维修资金 150,000 元\n", "- 政府补贴（街道办事处） 50,000 元\n", "- 合计 200,000 元\n" }) Assert.Contains(line, minutes, StringComparison.Ordinal);
        Assert.DoesNotContain("利益代表", present, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoCompoundsOfOneCommunity_EachHasA1栋_TheRosterAndTheNoticeSayWhichIsMeant()
    {
        var w = _world;
        await w.CreateCommunityAsync("文化路社区", ("宇辉星城", "1栋"), ("文化花园", "1栋"));
        Assert.Equal(["宇辉星城1栋", "文化花园1栋"], w.Buildings.Keys.Order(StringComparer.Ordinal));
        var again = await w.Staff.PostAsJsonAsync($"{w.Api}/building-groups", new { precinctName = "第一网格", name = "1栋", compound = "宇辉星城" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Without the compound the roster cannot tell the two 1栋 apart, and says so; with it, each household lands in its own.
        var ambiguous = await RosterApi.ImportAsync(w.Staff, w.Community, System.Text.Encoding.UTF8.GetBytes("楼栋,房号,建筑面积,姓名\r\n1栋,101,80,甲\r\n"), "花名册.csv");
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Contains("宇辉星城、文化花园", await ambiguous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await w.ImportRosterAsync([
            "宇辉星城,1栋,1单元,101,80,宇辉甲,居民,,是", "文化花园,1栋,1单元,101,70,文化乙,居民,,是",
            $"文化花园,1栋,,,,钱楼长,楼长,{w.Email("qian")},",
        ]);
        await using (var db = w.Database.CreateContext())
        {
            var households = await db.Households.Where(h => h.CommunityId == Guid.Parse(w.Community)).ToListAsync();
            Assert.Equal([w.Buildings["宇辉星城1栋"], w.Buildings["文化花园1栋"]],
                new[] { 80m, 70m }.Select(area => households.Single(h => h.FloorArea == area).BuildingGroupId.ToString()));
        }
        var complaint = await w.PostAsync($"{w.Api}/complaints", new
        {
            categoryCode = "sanitation", title = "垃圾房满溢", severity = 3, urgency = 3, buildingGroupIds = new[] { w.Buildings["文化花园1栋"] },
        }, HttpStatusCode.Created);
        await w.PostAsync($"{w.Api}/complaints/{(string)complaint["complaint"]!["id"]!}/anchor", new { input = new { noticePeriod = "0s", minutesConfirmation = "0s" } });
        Assert.Contains("涉及楼栋：文化花园1栋\n", (await w.ReceiveAsync(w.Email("qian"), "【公示】")).TextBody, StringComparison.Ordinal);
    }

    /// <summary>大龙社区 with 龙基花园 3栋 (36 households in two entrances), 4栋 (40 in two) and 5栋 (180 in six), the candidates, 5栋's head and three parties.</summary>
    private static async Task SetUpDalongAsync(CaseStudyWorld w)
    {
        await w.CreateCommunityAsync("大龙社区", ("龙基花园", "3栋"), ("龙基花园", "4栋"), ("龙基花园", "5栋"));
        // 3栋 36 households in two entrances, 4栋 40 in two, 5栋 180 in six (15 floors, two flats a floor each).
        var rows = new List<string>();
        foreach (var (building, entrances, perEntrance) in new[] { ("3栋", 2, 18), ("4栋", 2, 20), ("5栋", 6, 30) })
        {
            for (var e = 1; e <= entrances; e++)
            {
                var names = Candidates.GetValueOrDefault(building, []).Concat(Candidates.GetValueOrDefault($"{building}{e}单元", [])).ToList();
                for (var i = 0; i < perEntrance; i++)
                {
                    var unit = $"{e}{i / 2 + 1:00}{i % 2 + 1}";
                    // 3栋's and 4栋's three candidates live by the first entrance; each entrance of 5栋 has its own two.
                    var candidate = (building == "5栋" || e == 1) && i < names.Count ? names[i] : null;
                    var name = candidate ?? $"{building}{e}单元{unit}户";
                    var email = candidate is null ? "" : w.Email($"c{building[0]}{e}{i}");
                    rows.Add($"龙基花园,{building},{e}单元,{unit},80,{name},居民,{email},是");
                }
            }
        }
        rows.Add($"龙基花园,5栋,,,,黄楼长,楼长,{w.Email("huang")},");
        rows.Add($",,,,,赵经理,物业,{w.Email("zhao")},");
        rows.Add($",,,,,周主任,业委会,{w.Email("zhou")},");
        rows.Add($",,,,,陈社工,社工,{w.Email("chen")},");
        await w.ImportRosterAsync(rows);

    }

    /// <summary>The complaint of the three buildings, with the share of elderly residents; returns its id.</summary>
    private static async Task<string> LogDalongComplaintAsync(CaseStudyWorld w)
    {
        var complaint = await w.PostAsync($"{w.Api}/complaints", new
        {
            categoryCode = "facility-repair", title = "老人上下楼难，楼梯缺扶手和歇脚处", severity = 4, urgency = 3, reporterCount = 23, elderlyPercent = 12.45m,
            buildingGroupIds = new[] { w.Buildings["龙基花园3栋"], w.Buildings["龙基花园4栋"], w.Buildings["龙基花园5栋"] },
        }, HttpStatusCode.Created);
        return (string)complaint["complaint"]!["id"]!;
    }

    [Fact]
    public async Task Dalong_WithoutSeatsGiven_EachElectionsSeatsFollowTheHouseholdsItSpeaksFor()
    {
        var w = _world;
        await SetUpDalongAsync(w);
        await w.PostAsync($"{w.Api}/complaints/{await LogDalongComplaintAsync(w)}/anchor", new { input = new { noticePeriod = "0s", minutesConfirmation = "0s" } });

        // 3栋 (36) and 4栋 (40) one each; each entrance of 5栋 (30) one delegate.
        var firstLayer = await ElectionsAsync(w, layer: 1);
        Assert.All(firstLayer.Values, e => Assert.Equal(1, e.Seats));
        Assert.Equal(8, firstLayer.Count);
    }

    /// <summary>The community's elections of a layer by what they elect for (3栋, or 5栋2单元 for an entrance).</summary>
    private static async Task<Dictionary<string, Election>> ElectionsAsync(CaseStudyWorld w, int layer)
    {
        await using var db = w.Database.CreateContext();
        var community = Guid.Parse(w.Community);
        var elections = await db.Elections.Where(e => e.CommunityId == community && e.Layer == layer).ToListAsync();
        var buildings = await db.BuildingGroups.Where(b => b.CommunityId == community).ToDictionaryAsync(b => b.Id, b => b.Name);
        return elections.ToDictionary(e => e.BuildingGroupId is { } b ? buildings[b] + e.Entrance : e.GroupId.ToString(), e => e);
    }

    private static Task<JsonNode> NominateAsync(CaseStudyWorld w, Guid electionId, string name) =>
        w.PostAsync($"{w.Api}/elections/{electionId}/nominations", new { personId = w.People[name], nominatedByPersonId = w.People[name] }, HttpStatusCode.Created);

    /// <summary>
    /// Answers every ballot on paper: most choose the first two candidates, every third household the first and the third;
    /// one over-vote (three for two seats) is refused first.
    /// </summary>
    private static async Task VoteEveryBallotAsync(CaseStudyWorld w, List<(Guid TaskId, Guid PersonId, string Title)> ballots)
    {
        await using var db = w.Database.CreateContext();
        var taskIds = ballots.Select(b => b.TaskId).ToList();
        var elections = await db.ElectionBallots.Where(b => taskIds.Contains(b.TaskId)).ToDictionaryAsync(b => b.TaskId, b => b.ElectionId);
        var electionIds = elections.Values.Distinct().ToList();
        var candidates = (await db.Candidates.Where(c => electionIds.Contains(c.ElectionId)).ToListAsync())
            .GroupBy(c => c.ElectionId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Position).Select(c => c.Id.ToString()).ToArray());
        var overVote = await w.Staff.PostAsJsonAsync($"/api/tasks/{ballots[0].TaskId}/proxy-answer",
            new { answer = new { choices = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() } } });
        Assert.Equal(HttpStatusCode.BadRequest, overVote.StatusCode);
        for (var i = 0; i < ballots.Count; i++)
        {
            var choices = candidates[elections[ballots[i].TaskId]];
            string[] chosen = choices.Length > 2 && i % 3 == 0 ? [choices[0], choices[2]] : [choices[0], choices[1]];
            await w.ProxyAnswerAsync(ballots[i].TaskId, new { choices = chosen });
        }
    }
}
