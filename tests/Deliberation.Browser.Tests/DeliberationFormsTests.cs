using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>
/// Steps 3–4 on the deliberation page: the rules of procedure from a template with its own quorum, and planning a
/// meeting with candidate times, each mistake shown at its field in Chinese before anything is sent.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DeliberationFormsTests(BrowserWorld world)
{
    [Fact]
    public async Task RulesForm_TemplateThenInvalidQuorum_ShowsTheErrorAtTheFieldAndSavesOnceFixed()
    {
        var (page, form, caseId) = await OpenFormAsync("2栋楼道堆放杂物", "rules-form");

        // A template brings its formula and its quorum.
        await page.GetByLabel("规则模板").SelectOptionAsync(new SelectOptionValue { Label = "共识决" });
        await Assertions.Expect(page.GetByTestId("rules-formula")).ToContainTextAsync("无人反对且至少一人赞成");
        var quorum = page.GetByLabel("法定人数", new() { Exact = true });
        await Assertions.Expect(quorum).ToHaveValueAsync("2/3");

        // More than everyone: the error is at the field, in Chinese, and nothing is saved.
        await quorum.FillAsync("3/2");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存议事规则" }).ClickAsync();
        var error = form.Locator("[data-field=rules-quorum] .field-error");
        await Assertions.Expect(error).ToHaveTextAsync("法定人数须大于 0 且不超过 1，如 1/2、2/3");
        await Assertions.Expect(quorum).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(quorum).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("不超过 1"));
        await BrowserWorld.ScreenshotAsync(page, "deliberation-rules-error");
        Assert.Equal("residents-council", (string)(await RulesAsync(caseId))["template"]!);

        // Fixed (typed with a Chinese input method's full-width slash) and saved with the keyboard.
        await quorum.FillAsync("3／4");
        await Assertions.Expect(error).ToHaveCountAsync(0);
        await quorum.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("rules-message")).ToHaveTextAsync("议事规则已保存。");
        await Assertions.Expect(page.GetByTestId("rules-formula")).ToContainTextAsync("本议事的法定人数改为 3/4。");
        await Assertions.Expect(form.Locator("summary")).ToContainTextAsync("共识决");

        var rules = await RulesAsync(caseId);
        Assert.Equal("consensus", (string)rules["template"]!);
        Assert.Equal("consensus", (string)rules["rule"]!);
        Assert.Equal("3/4", (string)rules["quorum"]!);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PlanForm_EndBeforeStartThenOneSlot_ShowsEachErrorAtItsFieldThenPlansTheMeeting()
    {
        var (page, form, caseId) = await OpenFormAsync("2栋电动车充电难", "plan-form");

        await page.GetByLabel("会议名称").FillAsync("2栋充电桩协商会");
        await page.GetByLabel("地点").FillAsync("西苑活动室");
        await page.GetByLabel("议程").FillAsync("充电桩选址\n费用分摊");
        var day = DateTime.Now.Date.AddDays(7);
        string At(DateTime date, int hour) => date.AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        // The first slot ends before it starts.
        await page.GetByLabel("候选时间 1 开始").FillAsync(At(day, 19));
        await page.GetByLabel("候选时间 1 结束").FillAsync(At(day, 18));
        var submit = form.GetByRole(AriaRole.Button, new() { Name = "计划会议" });
        await submit.ClickAsync();
        var endError = form.Locator("[data-field=slot-0-end] .field-error");
        await Assertions.Expect(endError).ToHaveTextAsync("结束时间须晚于开始时间");
        await Assertions.Expect(page.GetByLabel("候选时间 1 结束")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByTestId("plan-message")).ToHaveTextAsync("请按标出的提示修改后再提交。");

        // Fixed, but one slot is not enough for a poll.
        await page.GetByLabel("候选时间 1 结束").FillAsync(At(day, 21));
        await Assertions.Expect(endError).ToHaveCountAsync(0);
        await submit.ClickAsync();
        await Assertions.Expect(form.Locator("[data-field=slots] > .field-error")).ToHaveTextAsync("请填写 2–5 个完整的候选时间（开始和结束）");
        await BrowserWorld.ScreenshotAsync(page, "deliberation-plan-error");
        Assert.Empty(await MeetingsAsync(caseId));

        // Two slots: planned, and the meeting shows in the meetings section.
        await page.GetByLabel("候选时间 2 开始").FillAsync(At(day.AddDays(1), 19));
        await page.GetByLabel("候选时间 2 结束").FillAsync(At(day.AddDays(1), 21));
        await submit.ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-message")).ToHaveTextAsync("会议已计划，流程将向议事成员征询时间。");
        var meeting = page.GetByTestId("meeting");
        await Assertions.Expect(meeting).ToHaveCountAsync(1);
        await Assertions.Expect(meeting).ToContainTextAsync("2栋充电桩协商会");
        await Assertions.Expect(meeting).ToContainTextAsync("西苑活动室");
        await Assertions.Expect(page.GetByLabel("会议名称")).ToHaveValueAsync("");

        var planned = Assert.Single(await MeetingsAsync(caseId));
        Assert.Equal("2栋充电桩协商会", (string)planned!["name"]!);
        var view = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/communities/{world.CommunityId}/meetings/{(string)planned["id"]!}"))!;
        Assert.Equal(2, view["slots"]!.AsArray().Count);
        Assert.Equal(["充电桩选址", "费用分摊"], view["agenda"]!.AsArray().Select(a => (string)a!));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PanelForm_AddsThePropertyCompanyAndALawyerFoundByName_ThenTheLawyerDropsOutWithAReason()
    {
        var (page, form, caseId) = await OpenFormAsync("2栋消防通道被占", "panel-form");
        var panel = page.GetByTestId("panel");

        // Nobody chosen: the error is at the field, and nothing is added.
        await form.GetByLabel("类别 *").SelectOptionAsync(new SelectOptionValue { Label = "物业公司" });
        await form.GetByRole(AriaRole.Button, new() { Name = "加入议事小组" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-field=panel-person] .field-error")).ToHaveTextAsync("请选择人员。");

        // The property company's manager, found by part of his name.
        await form.GetByLabel("按姓名查找").FillAsync("赵");
        var person = form.GetByLabel("人员 *");
        await Assertions.Expect(person.Locator("option", new() { HasText = "赵经理" })).ToHaveCountAsync(1);
        await person.SelectOptionAsync(new SelectOptionValue { Label = "赵经理" });
        await form.GetByRole(AriaRole.Button, new() { Name = "加入议事小组" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("panel-message")).ToHaveTextAsync("已将赵经理加入议事小组。");
        await Assertions.Expect(panel).ToContainTextAsync("赵经理 · 相关方（物业公司）");

        // A lawyer advises.
        await form.GetByRole(AriaRole.Radio, new() { Name = "专业人员" }).CheckAsync();
        await form.GetByLabel("类别 *").SelectOptionAsync(new SelectOptionValue { Label = "律师" });
        await form.GetByLabel("按姓名查找").FillAsync("钱律");
        await Assertions.Expect(person.Locator("option", new() { HasText = "钱律师" })).ToHaveCountAsync(1);
        await person.SelectOptionAsync(new SelectOptionValue { Label = "钱律师" });
        await form.GetByRole(AriaRole.Button, new() { Name = "加入议事小组" }).ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("钱律师 · 专业人员（律师）");
        await BrowserWorld.ScreenshotAsync(page, "deliberation-panel-form");

        // The lawyer drops out, with a reason, after a confirmation.
        var lawyer = panel.Locator("li", new() { HasText = "钱律师" });
        await lawyer.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await lawyer.GetByLabel("钱律师退出的原因").FillAsync("出差，无法参会");
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await lawyer.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(panel.Locator("li", new() { HasText = "钱律师" })).ToHaveCountAsync(0);

        var members = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/communities/{world.CommunityId}/cases/{caseId}/panel"))!;
        Assert.Equal(["欧阳楼长", "赵经理"], members["members"]!.AsArray().Select(m => (string)m!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal("出差，无法参会", (string)members["former"]!.AsArray().Single()!["leftReason"]!);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ActionItemForm_FundingThatDoesNotAddUp_IsShownAtTheSources_ThenTheItemIsSavedWithItsFundingBySource()
    {
        var (page, form, caseId) = await OpenFormAsync("2栋楼梯缺扶手", "action-item-form");

        await form.GetByLabel("任务 *").FillAsync("加装楼梯扶手和休息座椅");
        await form.GetByLabel("责任方 *").FillAsync("物业公司");
        await form.GetByLabel("按姓名查找").FillAsync("赵经理");
        var reporter = form.GetByLabel("汇报人");
        await Assertions.Expect(reporter.Locator("option", new() { HasText = "赵经理" })).ToHaveCountAsync(1);
        await reporter.SelectOptionAsync(new SelectOptionValue { Label = "赵经理" });
        await form.GetByLabel("完成期限 *").FillAsync(DateTime.Now.Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByLabel("预算（元）").FillAsync("50000");
        await form.GetByRole(AriaRole.Button, new() { Name = "添加一项资金来源" }).ClickAsync();
        await form.GetByLabel("来源 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "慈善募捐" });
        await form.GetByLabel("来源 1 金额（元）").FillAsync("30000");
        await form.GetByRole(AriaRole.Button, new() { Name = "添加一项资金来源" }).ClickAsync();
        await form.GetByLabel("来源 2", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "物业公司" });
        await form.GetByLabel("来源 2 金额（元）").FillAsync("１５０００");
        await Assertions.Expect(form.GetByTestId("funding-total")).ToHaveTextAsync("各项合计 45,000 元 · 预算 50,000 元");

        // The sources do not add up to the budget: said at the sources, and nothing is saved.
        await form.GetByRole(AriaRole.Button, new() { Name = "保存责任分工" }).ClickAsync();
        await Assertions.Expect(form.Locator("#item-funding-error")).ToHaveTextAsync("各项资金来源合计 45,000 元，与预算 50,000 元不符");
        await BrowserWorld.ScreenshotAsync(page, "deliberation-action-item-error");
        Assert.Empty((await ActionItemsAsync(caseId))["items"]!.AsArray());

        // Fixed and saved: the item shows with its budget by source.
        await form.GetByLabel("来源 2 金额（元）").FillAsync("20000");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存责任分工" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-item-message")).ToHaveTextAsync("已添加“加装楼梯扶手和休息座椅”。");
        await Assertions.Expect(page.GetByTestId("action-items")).ToContainTextAsync("预算 50,000 元（慈善募捐 30,000 元、物业公司 20,000 元）");
        var item = (await ActionItemsAsync(caseId))["items"]!.AsArray().Single()!;
        Assert.Equal(("物业公司", world.People["赵经理"], 50000m), ((string)item["responsibleParty"]!, (string)item["personId"]!, (decimal)item["budget"]!));
        Assert.Equal([("charity-drive", 30000m), ("property-company", 20000m)], item["funding"]!.AsArray().Select(f => ((string)f!["source"]!, (decimal)f["amount"]!)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Election_StaffSeeWhoHasNotVoted_EnterAPaperBallotForTheResidentWithoutEmail_AndRemindTheOthers()
    {
        // 1栋's three households elect one representative; 张一 and 王楼长 stand; staff close nominations early.
        var (instanceId, _) = await world.DeliberationAwaitingAsync("1栋门口路灯不亮", "1栋", "nominations",
            new JsonObject { ["nominationWindow"] = "1h", ["ballotWindow"] = "2d", ["grouping"] = "per-building" });
        var api = $"/api/communities/{world.CommunityId}";
        var election = (await world.Admin.GetFromJsonAsync<JsonArray>($"{api}/cases?caseNumber={Uri.EscapeDataString(await CaseNumberAsync(instanceId))}"))![0]!;
        var group = (await world.Admin.GetFromJsonAsync<JsonObject>($"{api}/groups/{(string)election["groups"]![0]!["id"]!}"))!;
        var electionId = (string)group["elections"]![0]!["id"]!;
        foreach (var name in new[] { "张一", "王楼长" })
            await world.PostAsync($"{api}/elections/{electionId}/nominations", new { personId = world.People[name], nominatedByPersonId = world.People[name] });
        await world.PostAsync($"{api}/elections/{electionId}/close-nominations", new { }, HttpStatusCode.OK);

        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync($"/deliberations/{instanceId}");
        var card = page.GetByTestId("election");
        await Assertions.Expect(card.GetByTestId("not-voted")).ToContainTextAsync("还有 3 人未投票");
        await Assertions.Expect(card.GetByTestId("not-voted")).ToContainTextAsync("李二（无邮箱）");

        // 李二 has no email: staff enter the paper ballot the building head collected.
        var li = card.GetByTestId("not-voted").Locator("li", new() { HasText = "李二" });
        await li.GetByRole(AriaRole.Button, new() { Name = "代填纸质选票" }).ClickAsync();
        var ballot = li.GetByRole(AriaRole.Form, new() { Name = "李二的纸质选票" });
        await ballot.GetByRole(AriaRole.Button, new() { Name = "保存选票" }).ClickAsync();
        await Assertions.Expect(ballot.Locator(".field-error")).ToHaveTextAsync("请选择候选人");
        await ballot.GetByLabel("张一").CheckAsync();
        await BrowserWorld.ScreenshotAsync(page, "deliberation-election-paper-ballot");
        await ballot.GetByRole(AriaRole.Button, new() { Name = "保存选票" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("election-message")).ToHaveTextAsync("已代李二填入纸质选票。");
        await Assertions.Expect(card.GetByTestId("not-voted")).ToContainTextAsync("还有 2 人未投票");

        // The two with email are reminded by email.
        await card.GetByRole(AriaRole.Button, new() { Name = "提醒未投票者" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("election-message")).ToHaveTextAsync("已提醒 2 人；0 人没有邮箱，请楼长上门或代填纸质选票。");
        // 张一 lost the email: staff send a new link (asked first); the old one stops working.
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        var oldLink = await new Mailbox(world).LinkAsync("zhang@example.com", "请投票");
        await card.GetByRole(AriaRole.Button, new() { Name = "给张一重发链接" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("election-message")).ToHaveTextAsync("已把新链接发到张一的邮箱，旧链接已失效。");
        using (var resident = new HttpClient { BaseAddress = world.Host.Address })
            Assert.Contains("链接已更换", await (await resident.GetAsync(oldLink)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var view = (await world.Admin.GetFromJsonAsync<JsonObject>($"{api}/elections/{electionId}"))!;
        var paper = view["ballots"]!.AsArray().Single(b => (string)b!["voterName"]! == "李二")!;
        Assert.Equal((true, "proxy"), ((bool)paper["voted"]!, (string)paper["channel"]!));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProxyAnswers_TheBuildingHeadNominatesForTheResidentWithoutEmail_OnHisPhone()
    {
        const string Title = "1栋楼顶水箱漏水";
        var (instanceId, _) = await world.DeliberationAwaitingAsync(Title, "1栋", "nominations", new JsonObject { ["nominationWindow"] = "1h" });

        // 王楼长 heads 1栋; 李二 there has no email, so his nomination waits for the building head.
        var phone = await world.NewPageAsync(390, 844, phone: true);
        await BrowserWorld.SignInAsync(phone, BrowserWorld.HeadEmail);
        await phone.GotoAsync("/proxy");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("代填答复");
        var task = phone.GetByTestId("proxy-task").Filter(new() { HasText = Title });
        await Assertions.Expect(task).ToHaveCountAsync(1);
        await Assertions.Expect(task).ToContainTextAsync("李二（1栋201）");
        await task.GetByRole(AriaRole.Button, new() { Name = "保存代填" }).ClickAsync();
        await Assertions.Expect(task.Locator(".message")).ToHaveTextAsync("请选择一项，或写明情况");
        await task.GetByLabel("张一", new() { Exact = false }).First.CheckAsync();
        await BrowserWorld.ScreenshotAsync(phone, "proxy-answers-phone");
        await task.GetByRole(AriaRole.Button, new() { Name = "保存代填" }).ClickAsync();
        await Assertions.Expect(task).ToContainTextAsync("已代填");

        // The paper-sheet view lists every household of 1栋 for the question, those with email too (张一, 王楼长), to enter
        // the sheets that come back; the list of residents without email is back one click away.
        await phone.GetByLabel("纸质答复单上的全部住户").CheckAsync();
        var sheets = phone.GetByTestId("proxy-task").Filter(new() { HasText = Title });
        await Assertions.Expect(sheets).ToHaveCountAsync(3);
        await Assertions.Expect(sheets.Filter(new() { HasText = "张一（1栋102）" })).ToHaveCountAsync(1);
        await Assertions.Expect(sheets.Filter(new() { HasText = "张一（1栋102）" }).GetByLabel("纸质答复单照片", new() { Exact = false })).ToHaveCountAsync(1);
        await phone.GetByLabel("没有邮箱的居民").CheckAsync();
        await Assertions.Expect(phone.GetByTestId("proxy-task").Filter(new() { HasText = Title })).ToHaveCountAsync(1);

        // Recorded as entered on his behalf: 张一 is now a candidate, nominated by 李二.
        var api = $"/api/communities/{world.CommunityId}";
        var found = (await world.Admin.GetFromJsonAsync<JsonArray>($"{api}/cases?caseNumber={Uri.EscapeDataString(await CaseNumberAsync(instanceId))}"))![0]!;
        var group = (await world.Admin.GetFromJsonAsync<JsonObject>($"{api}/groups/{(string)found["groups"]![0]!["id"]!}"))!;
        var election = (await world.Admin.GetFromJsonAsync<JsonObject>($"{api}/elections/{(string)group["elections"]![0]!["id"]!}"))!;
        var candidate = election["candidates"]!.AsArray().Single()!;
        Assert.Equal(("张一", world.People["李二"]), ((string)candidate["name"]!, (string)candidate["nominatedByPersonId"]!));
        Assert.Equal("proxy", (string)election["nominationInvitations"]!.AsArray().Single(i => (string)i!["voterName"]! == "李二")!["channel"]!);
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task CaseList_FindsACaseByPartOfItsTitle_AndOpensItsPage()
    {
        var (instanceId, _) = await world.DeliberationAwaitingPlanAsync("2栋自行车棚漏雨", "2栋");
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "议事案件" }).ClickAsync();
        await page.GetByLabel("按议题或案件编号查找").FillAsync("自行车棚");
        var list = page.GetByTestId("case-list");
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("case-count")).ToHaveTextAsync("共 1 件");
        await Assertions.Expect(list).ToContainTextAsync(await CaseNumberAsync(instanceId));
        // Waiting for its meeting to be planned: step 3; the step filter finds it there and not at step 2.
        await Assertions.Expect(list.GetByTestId("case-state")).ToHaveTextAsync("进行中 · 第3步 搭建议事平台");
        await page.GetByLabel("步骤", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "第2步 · 确定利益相关方" });
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(0);
        await page.GetByLabel("步骤", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "第3步 · 搭建议事平台" });
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(1);
        await page.GetByLabel("步骤", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "全部步骤" });

        // The ledger of what the list shows, as Excel opens it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出议事台账（电子表格）" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Select(r => r.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal("案件编号", rows[0][0]);
            Assert.Equal([await CaseNumberAsync(instanceId), "2栋自行车棚漏雨", "推选利益代表"], rows.Skip(1).Single().Take(3));
        }
        File.Delete(path);

        // Closed cases only: this one is open, so none.
        await page.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = "已结案" });
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(0);
        await page.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = "进行中" });
        // By building and by kind of matter: 2栋's, but not 1栋's; not a lift matter; no item overdue.
        await page.GetByLabel("楼栋", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "1栋" });
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(0);
        await page.GetByLabel("楼栋", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "2栋" });
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(1);
        await page.GetByLabel("事项类别").SelectOptionAsync("lift");
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(0);
        await page.GetByLabel("事项类别").SelectOptionAsync("");
        await page.GetByLabel("只看有逾期任务的案件").CheckAsync();
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(0);
        await page.GetByLabel("只看有逾期任务的案件").UncheckAsync();
        await list.GetByRole(AriaRole.Link, new() { Name = "2栋自行车棚漏雨" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2栋自行车棚漏雨");
        await page.Context.CloseAsync();
    }

    private async Task<string> CaseNumberAsync(string instanceId) =>
        (string)(await world.Admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["instance"]!["correlationId"]!;

    private async Task<JsonObject> ActionItemsAsync(string caseId) =>
        (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/communities/{world.CommunityId}/cases/{caseId}/action-items"))!;

    /// <summary>A new deliberation of 2栋 waiting for its meeting plan, its page open as the staff see it, with one form unfolded.</summary>
    private async Task<(IPage Page, ILocator Form, string CaseId)> OpenFormAsync(string title, string formTestId)
    {
        var (instanceId, caseId) = await world.DeliberationAwaitingPlanAsync(title, "2栋");
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync($"/deliberations/{instanceId}");
        var form = page.GetByTestId(formTestId);
        await form.Locator("summary").ClickAsync();
        return (page, form, caseId);
    }

    private async Task<JsonObject> RulesAsync(string caseId) =>
        (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/communities/{world.CommunityId}/cases/{caseId}/rules"))!;

    private async Task<JsonArray> MeetingsAsync(string caseId) =>
        (await world.Admin.GetFromJsonAsync<JsonArray>($"/api/communities/{world.CommunityId}/cases/{caseId}/meetings"))!;
}
