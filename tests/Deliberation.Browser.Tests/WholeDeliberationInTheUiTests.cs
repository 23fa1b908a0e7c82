using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>
/// Issue 11's acceptance: a whole 烦事有计倾 run from the web UI in Chinese at 1280×800, with no API call from the test —
/// only the mail pickup folder is read, as residents read their mail, and their links answered in a phone's browser.
/// An administrator sets the community up; a building head logs two complaints on a phone; staff merge them, launch,
/// follow a two-layer election (entrances, then the building) closing each stage early once everyone has answered, one
/// resident answered for by the building head; add a lawyer and an accountant; plan and hold the meeting with two
/// action items; the parties report by link; the follow-up results and the closed case show on its page, in the case
/// list and in the ledger.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WholeDeliberationInTheUiTests(BrowserWorld world)
{
    private const string Title = "1栋电梯经常停运";
    private readonly Mailbox _mail = new(world);
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    private string Email(string who) => $"{who}-{_run}@example.com";

    [Fact]
    public async Task CommitteeWorker_RunsAWholeDeliberation_FromSetUpToTheLedger_WithoutTheApi()
    {
        var staffEmail = $"staff-{_run}@browser.test";
        var headEmail = $"head-{_run}@browser.test";

        // 1. The administrator: the community, its precinct and building, the roster, the accounts.
        var admin = await world.NewPageAsync(1280, 800);
        admin.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await BrowserWorld.SignInAsync(admin, BrowserWorld.AdminEmail);
        await admin.GetByRole(AriaRole.Link, new() { Name = "社区管理" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "社区", Exact = true }).ClickAsync();
        await admin.GetByLabel("社区名称").FillAsync("文昌社区");
        await admin.GetByLabel("社区代码").FillAsync("wenchang-" + _run);
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建社区" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#community option:checked")).ToHaveTextAsync("文昌社区");
        await admin.GetByRole(AriaRole.Link, new() { Name = "网格与楼栋" }).ClickAsync();
        await admin.GetByLabel("网格名称").FillAsync("第一网格");
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加网格" }).ClickAsync();
        await admin.GetByLabel("楼栋名称").FillAsync("1栋");
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加楼栋" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("precinct-第一网格")).ToContainTextAsync("1栋");
        await admin.GetByRole(AriaRole.Link, new() { Name = "居民名册" }).ClickAsync();
        // 1栋: six households in two entrances, so its residents elect by entrance, then the building. 冯阿姨 has no email.
        var roster = "网格,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,电话,户代表\r\n" +
            $"第一网格,1栋,1单元,101,80,周大爷,居民,{Email("zhou")},,是\r\n" +
            $"第一网格,1栋,1单元,102,80,吴楼长,居民、楼长,{Email("wu")},,是\r\n" +
            "第一网格,1栋,1单元,201,80,冯阿姨,居民,,13900001111,是\r\n" +
            $"第一网格,1栋,2单元,101,80,郑先生,居民,{Email("zheng")},,是\r\n" +
            $"第一网格,1栋,2单元,102,80,褚女士,居民,{Email("chu")},,是\r\n" +
            $"第一网格,1栋,2单元,201,80,卫先生,居民,{Email("wei")},,是\r\n" +
            $",,,,,赵经理,物业,{Email("zhao")},,\r\n" +
            $",,,,,孙律师,律师,{Email("sun")},,\r\n" +
            $",,,,,钱会计,会计师,{Email("qian")},,\r\n";
        await admin.GetByLabel("名册文件").SetInputFilesAsync(new FilePayload { Name = "文昌社区名册.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(roster) });
        await admin.GetByRole(AriaRole.Button, new() { Name = "导入名册" }).ClickAsync();
        await admin.GetByTestId("roster-result").WaitForAsync();
        Assert.True(await admin.GetByTestId("roster-problems").CountAsync() == 0, await admin.Locator("main").InnerTextAsync());
        await Assertions.Expect(admin.GetByTestId("roster-result")).ToHaveTextAsync("已导入 6 户、9 人。");
        await admin.GetByRole(AriaRole.Link, new() { Name = "账号", Exact = true }).ClickAsync();
        await CreateAccountAsync(admin, "何主任", staffEmail, "社区工作人员", null);
        await CreateAccountAsync(admin, "吴楼长", headEmail, "楼长（", "吴楼长（1栋1单元102）");
        await admin.Context.CloseAsync();

        // 2. The building head logs two complaints about the same lift on his phone.
        var head = await world.NewPageAsync(390, 844, phone: true);
        await BrowserWorld.SignInAsync(head, headEmail);
        foreach (var (title, reporters) in new[] { (Title, "8"), ("1栋电梯又坏了", "5") })
        {
            await head.GetByLabel("类别").SelectOptionAsync("lift");
            await head.GetByLabel("标题").FillAsync(title);
            await head.GetByLabel("详细描述").FillAsync("电梯每周停运两三次，老人上下楼困难");
            await head.GetByLabel("严重程度（1–5）").FillAsync("5");
            await head.GetByLabel("紧急程度（1–5）").FillAsync("4");
            await head.GetByLabel("反映人数").FillAsync(reporters);
            await head.GetByLabel("1栋").CheckAsync();
            await head.GetByRole(AriaRole.Button, new() { Name = "提交登记" }).ClickAsync();
            await Assertions.Expect(head.GetByTestId("intake-message")).ToHaveTextAsync("已登记：" + title);
        }

        // 3. Staff merge the duplicate and launch 烦事有计倾 for the issue, with a short public notice.
        var page = await world.NewPageAsync(1280, 800);
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await BrowserWorld.SignInAsync(page, staffEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "问题登记" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "保留的问题: " + Title }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "重复的问题: 1栋电梯又坏了" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "合并到所选问题" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "合并重复问题" }).GetByRole(AriaRole.Status)).ToHaveTextAsync("已合并");
        await page.GetByRole(AriaRole.Link, new() { Name = "发起议事" }).ClickAsync();
        var issue = await page.Locator("#launch-issue option").Filter(new() { HasText = Title }).GetAttributeAsync("value");
        await page.GetByLabel("选择议题（待处理的问题）").SelectOptionAsync(issue!);
        await page.GetByLabel("选择流程").SelectOptionAsync("fanshi-youjiqing");
        await page.GetByLabel("公示期", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("公示期的单位").SelectOptionAsync(new SelectOptionValue { Label = "秒" });
        // Nobody answers the minutes confirmation here: a short window, and the minutes are sealed when it ends.
        await page.GetByLabel("纪要确认期", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("纪要确认期的单位").SelectOptionAsync(new SelectOptionValue { Label = "秒" });
        await page.GetByTestId("advanced-inputs").Locator("summary").ClickAsync();
        await page.GetByLabel("会前核对法定人数", new() { Exact = true }).FillAsync("10");
        await page.GetByLabel("会前核对法定人数的单位").SelectOptionAsync(new SelectOptionValue { Label = "秒" });
        await BrowserWorld.LaunchAsync(page);
        await Assertions.Expect(page.GetByTestId("launch-message")).ToContainTextAsync("已发起议事，案件编号");
        var caseNumber = (await page.GetByTestId("launch-message").InnerTextAsync()).Split("案件编号 ")[1].Trim();
        // The dashboard's board by step lists it; its card leads to the deliberation's page.
        await page.GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        await page.GetByRole(AriaRole.Link).Filter(new() { HasText = caseNumber }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(caseNumber);
        var deliberation = page.Url;

        // 4. Layer 1: each entrance nominates — by link, and for 冯阿姨 (no email) the building head — and staff close early.
        await UntilShownAsync(page, page.GetByTestId("election").Filter(new() { HasText = "2单元" }), "the entrances' elections");
        await AnswerAsync(await _mail.LinkAsync(Email("zhou"), "【提名】"), "周大爷");
        await AnswerAsync(await _mail.LinkAsync(Email("zheng"), "【提名】"), "郑先生");
        await ProxyAsync(head, "冯阿姨", "周大爷");
        await page.ReloadAsync();
        await CloseEarlyAsync(page, "1单元", "提前截止提名", "提名已截止，选票已发出。");
        await CloseEarlyAsync(page, "2单元", "提前截止提名", "提名已截止，选票已发出。");

        // Ballots: by link, 冯阿姨's through the building head; 卫先生 does not vote, and staff close anyway.
        await AnswerAsync(await _mail.LinkAsync(Email("zhou"), "请投票"), "周大爷");
        await AnswerAsync(await _mail.LinkAsync(Email("wu"), "请投票"), "周大爷");
        await ProxyAsync(head, "冯阿姨", "周大爷");
        await AnswerAsync(await _mail.LinkAsync(Email("zheng"), "请投票"), "郑先生");
        await AnswerAsync(await _mail.LinkAsync(Email("chu"), "请投票"), "郑先生");
        await page.ReloadAsync();
        await Assertions.Expect(Election(page, "1单元")).ToContainTextAsync("所有人都已投票");
        await Assertions.Expect(Election(page, "2单元").GetByTestId("not-voted")).ToContainTextAsync("卫先生");
        await CloseEarlyAsync(page, "1单元", "提前截止投票", "投票已截止，将立即计票。");
        await CloseEarlyAsync(page, "2单元", "提前截止投票", "投票已截止，将立即计票。");

        // 5. Layer 2: the two entrances' delegates elect the building's representative.
        var layerTwo = page.GetByTestId("election").Filter(new() { HasText = "第2层推选" });
        await UntilShownAsync(page, layerTwo, "the building's election among the delegates");
        await AnswerAsync(await _mail.LinkAsync(Email("zhou"), "【提名】"), "周大爷");
        await page.ReloadAsync();
        await layerTwo.GetByRole(AriaRole.Button, new() { Name = "提前截止提名" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("election-message")).ToHaveTextAsync("提名已截止，选票已发出。");
        await AnswerAsync(await _mail.LinkAsync(Email("zhou"), "请投票"), "周大爷");
        await AnswerAsync(await _mail.LinkAsync(Email("zheng"), "请投票"), "周大爷");
        await page.ReloadAsync();
        await layerTwo.GetByRole(AriaRole.Button, new() { Name = "提前截止投票" }).ClickAsync();
        // The close is done (not merely clicked) before the page reloads, which would drop the request on its way.
        await Assertions.Expect(page.GetByTestId("election-message")).ToHaveTextAsync("投票已截止，将立即计票。");
        var panel = page.GetByTestId("panel");
        await UntilShownAsync(page, panel.Filter(new() { HasText = "周大爷" }), "周大爷 on the panel as the building's representative");
        await BrowserWorld.ScreenshotAsync(page, "whole-elected");

        // 6. The panel: the property company, a lawyer and an accountant.
        await AddToPanelAsync(page, "party", "物业公司", "赵", "赵经理");
        await AddToPanelAsync(page, "advisor", "律师", "孙", "孙律师");
        await AddToPanelAsync(page, "advisor", "会计师", "钱", "钱会计");

        // 7. The meeting: planned in Beijing time, the time poll closed early, the members confirm by link.
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(2.5).ToOffset(TimeSpan.FromHours(8));
        string Local(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var plan = page.GetByTestId("plan-form");
        await plan.Locator("summary").ClickAsync();
        await page.GetByLabel("会议名称").FillAsync("1栋电梯维修协商会");
        await page.GetByLabel("地点").FillAsync("社区议事厅");
        await page.GetByLabel("议程").FillAsync("电梯维修方案\n费用分摊");
        await page.GetByLabel("候选时间 1 开始").FillAsync(Local(startsAt));
        await page.GetByLabel("候选时间 1 结束").FillAsync(Local(startsAt.AddHours(1)));
        await page.GetByLabel("候选时间 2 开始").FillAsync(Local(startsAt.AddDays(1)));
        await page.GetByLabel("候选时间 2 结束").FillAsync(Local(startsAt.AddDays(1).AddHours(1)));
        await plan.GetByRole(AriaRole.Button, new() { Name = "计划会议" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-message")).ToHaveTextAsync("会议已计划，流程将向议事成员征询时间。");
        await UntilShownAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "提前截止时间征询" }), "the time poll");
        await page.GetByRole(AriaRole.Button, new() { Name = "提前截止时间征询" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提前截止时间征询" })).ToHaveCountAsync(0);
        foreach (var who in new[] { "zhou", "zhao" })
            await AnswerAsync(await _mail.LinkAsync(Email(who), "会议通知"), "参加");

        // 8. Meeting mode: attendance, the vote, two action items, and the close.
        await UntilShownAsync(page, page.GetByTestId("meeting").Filter(new() { HasText = "已定时间" }), "the scheduled meeting");
        await page.GetByRole(AriaRole.Link, new() { Name = "进入会议模式" }).ClickAsync();
        // The sign-in sheet for the door, printed on A4: every member, a blank to sign.
        await page.GetByRole(AriaRole.Link, new() { Name = "签到表" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-in-sheet").Locator("tbody tr")).ToHaveCountAsync(4 + 3);
        await Assertions.Expect(page.GetByTestId("sign-in-sheet")).ToContainTextAsync("孙律师专业人员（律师）否");
        await BrowserWorld.ScreenshotAsync(page, "whole-sign-in-sheet");
        await page.GetByRole(AriaRole.Link, new() { Name = "会议模式" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "周大爷 到会" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "赵经理 到会" }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("quorum")).ToContainTextAsync("已到会 2 人");
        await AddActionItemAsync(page, "维修并更换1栋电梯主板", "物业公司", "赵经理", 50000);
        await AddActionItemAsync(page, "张贴维修方案公示", "居委会", "吴楼长（1栋1单元102）", null);
        await Assertions.Expect(page.GetByTestId("meeting-action-items").Locator("li")).ToHaveCountAsync(2);
        var wait = startsAt.AddSeconds(2) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await page.GetByLabel("表决事项").FillAsync("是否同意由物业公司维修1栋电梯，费用五万元");
        await page.GetByRole(AriaRole.Button, new() { Name = "发起表决" }).ClickAsync();
        foreach (var voter in new[] { "周大爷", "赵经理" })
        {
            await page.GetByLabel($"{voter}的表决意见", new() { Exact = true }).SelectOptionAsync("yes");
            await page.GetByRole(AriaRole.Button, new() { Name = $"记录{voter}的表决意见" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByTestId("vote").GetByTestId("tally-counts")).ToContainTextAsync("赞成 2，反对 0，弃权 0");
        await page.GetByRole(AriaRole.Button, new() { Name = "结束表决并计票" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("vote").GetByTestId("vote-result")).ToHaveTextAsync("通过");
        await BrowserWorld.ScreenshotAsync(page, "whole-meeting-mode");
        await page.GetByRole(AriaRole.Button, new() { Name = "结束会议" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("已结束");

        // 9. The parties report by link; the follow-up asks the representative and the property company.
        foreach (var who in new[] { "zhao", "wu" })
            await ReportDoneAsync(await _mail.LinkAsync(Email(who), "请落实并汇报进展"));
        foreach (var who in new[] { "zhou", "zhao" })
            await AnswerAsync(await _mail.LinkAsync(Email(who), "回访"), "满意");

        // 10. The case page shows the follow-up and the closed case; the case list and the ledger list it as closed.
        await page.GotoAsync(deliberation);
        await UntilShownAsync(page, page.GetByTestId("follow-up"), "the follow-up results");
        await Assertions.Expect(page.GetByTestId("follow-up")).ToContainTextAsync("满意 2 人");
        await UntilShownAsync(page, page.GetByTestId("case-closed"), "the case closed");
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li.done")).ToHaveCountAsync(5);
        var story = page.GetByTestId("case-story");
        await Assertions.Expect(story).ToContainTextAsync("1栋的利益代表计票：投票 2 / 2 人，周大爷当选");
        await Assertions.Expect(story).ToContainTextAsync("物业公司完成“维修并更换1栋电梯主板”");
        await Assertions.Expect(story.Locator("li").Last).ToContainTextAsync("回访 2 人答复后结案并公示");
        await BrowserWorld.ScreenshotAsync(page, "whole-closed-case");
        await page.GetByRole(AriaRole.Link, new() { Name = "议事案件" }).ClickAsync();
        await page.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = "已结案" });
        var row = page.GetByTestId("case-list").Locator("tr", new() { HasText = Title });
        await Assertions.Expect(row).ToContainTextAsync("结案");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出议事台账（电子表格）" }).ClickAsync());
        var path = Path.Combine(TestPaths.Screenshots, $"whole-ledger-{_run}.xlsx");
        await download.SaveAsAsync(path);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false))
        {
            var text = string.Join("\n", workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Select(r => string.Join("|", r.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText))));
            Assert.Contains(caseNumber, text, StringComparison.Ordinal);
            Assert.Contains(Title, text, StringComparison.Ordinal);
        }
        // The dashboard's month at a glance counts it: opened and closed this month, the follow-up all satisfied.
        await page.GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        var overview = page.GetByTestId("month-overview");
        await Assertions.Expect(overview.GetByTestId("figure-opened")).ToHaveTextAsync("1");
        await Assertions.Expect(overview.GetByTestId("figure-closed")).ToHaveTextAsync("1");
        await Assertions.Expect(overview).ToContainTextAsync("满意 2");
        await BrowserWorld.ScreenshotAsync(page, "whole-dashboard");
        await head.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static ILocator Election(IPage page, string entrance) =>
        page.GetByTestId("election").Filter(new() { HasText = entrance }).Filter(new() { HasText = "第1层推选" });

    /// <summary>Reloads the page, as a worker would, until what the workflow does next shows on it.</summary>
    private static Task UntilShownAsync(IPage page, ILocator what, string description) =>
        BrowserWorld.UntilAsync(async () =>
        {
            if (await what.First.IsVisibleAsync()) return true;
            await page.ReloadAsync();
            await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
            return await what.First.IsVisibleAsync();
        }, description);

    private async Task CloseEarlyAsync(IPage page, string entrance, string button, string done)
    {
        await Election(page, entrance).GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("election-message").Filter(new() { HasText = done })).ToHaveCountAsync(1);
        await page.ReloadAsync();
    }

    /// <summary>A resident opens the link on a phone, ticks the option and sends the answer.</summary>
    private Task AnswerAsync(string link, string option) => world.AnswerByLinkAsync(link, option);

    /// <summary>A party reports its item done through the progress link.</summary>
    private async Task ReportDoneAsync(string link)
    {
        var phone = await world.NewPageAsync(390, 844, phone: true);
        await phone.GotoAsync(link);
        await phone.GetByLabel("完成进度（0–100%）").FillAsync("100");
        await phone.GetByLabel("已全部完成").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Assertions.Expect(phone.Locator("body")).ToContainTextAsync("已记录您的答复");
        await phone.Context.CloseAsync();
    }

    /// <summary>The building head answers for a resident without email on his 代填答复 page.</summary>
    private static async Task ProxyAsync(IPage head, string resident, string option)
    {
        await head.GotoAsync("/proxy");
        var open = head.GetByTestId("proxy-task").Filter(new() { HasText = resident }).Filter(new() { HasNotText = "已代填" });
        await open.First.WaitForAsync();
        var before = await open.CountAsync();
        await open.First.GetByLabel(option, new() { Exact = false }).First.CheckAsync();
        await open.First.GetByRole(AriaRole.Button, new() { Name = "保存代填" }).ClickAsync();
        await Assertions.Expect(open).ToHaveCountAsync(before - 1);
    }

    private static async Task CreateAccountAsync(IPage admin, string name, string email, string role, string? person)
    {
        var form = admin.GetByTestId("new-account");
        await form.GetByLabel("显示名称").FillAsync(name);
        await form.GetByLabel("邮箱 *", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("初始密码").FillAsync(BrowserWorld.Password);
        if (role != "社区工作人员")
        {
            await form.GetByLabel("社区工作人员").UncheckAsync();
            await form.GetByLabel(role).CheckAsync();
        }
        if (person is not null)
        {
            await form.GetByLabel("按姓名查找").FillAsync(name[..1]);
            await form.GetByLabel("名册中的本人").SelectOptionAsync(new SelectOptionValue { Label = person });
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"已创建{name}的账号。")).ToBeVisibleAsync();
    }

    private static async Task AddToPanelAsync(IPage page, string role, string kind, string search, string name)
    {
        var form = page.GetByTestId("panel-form");
        if (!await form.Locator("form").IsVisibleAsync()) await form.Locator("summary").ClickAsync();
        await form.GetByRole(AriaRole.Radio, new() { Name = role == "party" ? "相关方" : "专业人员" }).CheckAsync();
        await form.GetByLabel("类别 *").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.GetByLabel("按姓名查找").FillAsync(search);
        await form.GetByLabel("人员 *").SelectOptionAsync(new SelectOptionValue { Label = name });
        await form.GetByRole(AriaRole.Button, new() { Name = "加入议事小组" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("panel-message")).ToHaveTextAsync($"已将{name}加入议事小组。");
    }

    private static async Task AddActionItemAsync(IPage page, string task, string party, string reporter, int? budget)
    {
        var form = page.GetByTestId("action-item-form");
        if (!await form.Locator("form").IsVisibleAsync()) await form.Locator("summary").ClickAsync();
        await form.GetByLabel("任务 *").FillAsync(task);
        await form.GetByLabel("责任方 *").FillAsync(party);
        await form.GetByLabel("按姓名查找").FillAsync(reporter[..3]);
        await form.GetByLabel("汇报人").SelectOptionAsync(new SelectOptionValue { Label = reporter });
        await form.GetByLabel("完成期限 *").FillAsync(DateTime.UtcNow.AddHours(8).Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (budget is { } amount)
        {
            await form.GetByLabel("预算（元）").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
            await form.GetByRole(AriaRole.Button, new() { Name = "添加一项资金来源" }).ClickAsync();
            await form.GetByLabel("来源 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "物业公司" });
            await form.GetByLabel("来源 1 金额（元）").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "保存责任分工" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-action-items")).ToContainTextAsync(task);
    }
}
