using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>Acceptance 1: from a building head's phone to a launched 烦事有计倾 deliberation on the staff dashboard.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class IntakeAndLaunchTests(BrowserWorld world)
{
    // A real 1×1 PNG (it decodes, so PhotoSanitizer accepts it; with its transparent pixel it is kept as a PNG).
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Intake_BuildingHeadOnPhone_StaffSeeItRankedLaunchItAndFindItOnTheDashboard()
    {
        // A building head logs the issue on a phone-sized screen, with a photo.
        var phone = await world.NewPageAsync(390, 844, phone: true);
        await BrowserWorld.SignInAsync(phone, BrowserWorld.HeadEmail);
        await phone.GetByRole(AriaRole.Heading, new() { Name = "问题登记", Exact = true }).WaitForAsync();
        await phone.GetByLabel("类别").SelectOptionAsync("lift");
        await phone.GetByLabel("标题").FillAsync("1栋电梯经常停运");
        await phone.GetByLabel("详细描述").FillAsync("老人上下楼困难，已停运三次");
        await phone.GetByLabel("严重程度（1–5）").FillAsync("5");
        await phone.GetByLabel("紧急程度（1–5）").FillAsync("5");
        await phone.GetByLabel("反映人数").FillAsync("12");
        await phone.GetByLabel("1栋").CheckAsync();
        // 王楼长 heads 1栋: the form offers his building only (2栋 is 欧阳楼长's).
        await Assertions.Expect(phone.GetByLabel("2栋", new() { Exact = true })).ToHaveCountAsync(0);
        await phone.GetByLabel("照片（可选）").SetInputFilesAsync(new FilePayload { Name = "lift.png", MimeType = "image/png", Buffer = Png });
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交登记" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("intake-message")).ToHaveTextAsync("已登记：1栋电梯经常停运");
        // The form is fresh for the next complaint: no category, scores or building carried over.
        await Assertions.Expect(phone.GetByLabel("类别")).ToHaveValueAsync("");
        await Assertions.Expect(phone.GetByLabel("严重程度（1–5）")).ToHaveValueAsync("3");
        await Assertions.Expect(phone.GetByLabel("1栋")).Not.ToBeCheckedAsync();
        var ranked = phone.GetByTestId("ranking").Locator("li").Filter(new() { HasText = "1栋电梯经常停运" });
        await Assertions.Expect(ranked).ToBeVisibleAsync();
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The intake page scrolls sideways on a phone ({width}px wide).");
        await BrowserWorld.ScreenshotAsync(phone, "intake-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "工作人员登录" })).ToBeVisibleAsync();
        await phone.GotoAsync("/intake");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "工作人员登录" })).ToBeVisibleAsync();
        await phone.Context.CloseAsync();

        // Staff see it ranked, with why.
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        var item = page.GetByTestId("ranking").Locator("li").Filter(new() { HasText = "1栋电梯经常停运" }).First;
        await Assertions.Expect(item).ToBeVisibleAsync();
        await item.Locator("summary").ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("紧急程度");
        await Assertions.Expect(item).ToContainTextAsync("影响 3/4 户");

        // They launch 烦事有计倾 for it from the form generated from the workflow's inputs.
        await page.GetByRole(AriaRole.Link, new() { Name = "发起议事" }).ClickAsync();
        var issue = await page.Locator("#launch-issue option").Filter(new() { HasText = "1栋电梯经常停运" }).GetAttributeAsync("value");
        await page.GetByLabel("选择议题（待处理的问题）").SelectOptionAsync(issue!);
        await page.GetByLabel("选择流程").SelectOptionAsync("fanshi-youjiqing");
        // Durations are a number and a unit; a missing number is refused at its field.
        var nomination = page.GetByLabel("提名期", new() { Exact = true });
        await Assertions.Expect(nomination).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByLabel("提名期的单位").Locator("option:checked")).ToHaveTextAsync("天");
        await nomination.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "发起", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#input-nominationWindow-error")).ToHaveTextAsync("请填写时长：一个数字，再选择单位（如 3 天）");
        await nomination.FillAsync("48");
        await page.GetByLabel("提名期的单位").SelectOptionAsync(new SelectOptionValue { Label = "小时" });
        await Assertions.Expect(page.GetByLabel("公示期", new() { Exact = true })).ToHaveValueAsync("3");
        // Settings most launches keep are folded away under 高级设置.
        await Assertions.Expect(page.GetByLabel("会议纪要模板")).Not.ToBeVisibleAsync();
        // A fixed set of values is a dropdown of Chinese names; the workflow receives the code.
        await page.GetByTestId("advanced-inputs").Locator("summary").ClickAsync();
        await Assertions.Expect(page.GetByLabel("平票处理").Locator("option:checked")).ToHaveTextAsync("抽签决定（记录随机种子）");
        await page.GetByLabel("平票处理").SelectOptionAsync(new SelectOptionValue { Label = "工作人员决定并说明理由" });
        // Several reminders before the meeting: one row each, removed and added one at a time.
        var reminders = page.GetByRole(AriaRole.Group, new() { Name = "会前提醒" });
        await Assertions.Expect(reminders.GetByRole(AriaRole.Spinbutton)).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("会前提醒 1", new() { Exact = true })).ToHaveValueAsync("24");
        await Assertions.Expect(page.GetByLabel("会前提醒 1的单位").Locator("option:checked")).ToHaveTextAsync("小时");
        await reminders.GetByRole(AriaRole.Button, new() { Name = "删除会前提醒第 2 项" }).ClickAsync();
        await reminders.GetByRole(AriaRole.Button, new() { Name = "添加一项" }).ClickAsync();
        await page.GetByLabel("会前提醒 2", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("会前提醒 2的单位").SelectOptionAsync(new SelectOptionValue { Label = "分钟" });
        await Assertions.Expect(reminders.GetByRole(AriaRole.Spinbutton)).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("最多协商轮次")).ToHaveAttributeAsync("type", "number");
        await BrowserWorld.LaunchAsync(page);
        await Assertions.Expect(page.GetByTestId("launch-message")).ToContainTextAsync("已发起议事，案件编号 DALONG-");
        var caseNumber = (await page.GetByTestId("launch-message").InnerTextAsync()).Split("案件编号 ")[1].Trim();
        await BrowserWorld.ScreenshotAsync(page, "launch");

        // The dashboard lists it under step 1: the anchored issue is on public notice (公示期, three days) before
        // 烦事有计倾 identifies the stakeholders, and the card says until when.
        await page.GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        var column = page.GetByTestId("step-1");
        await Assertions.Expect(column).ToContainTextAsync(caseNumber);
        await Assertions.Expect(page.GetByTestId("step-2")).Not.ToContainTextAsync(caseNumber);
        var noticeEnds = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(3), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        await Assertions.Expect(column).ToContainTextAsync($"等待：公示期（至 {noticeEnds.Month}月{noticeEnds.Day}日");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "问题排名" })).Not.ToContainTextAsync("1栋电梯经常停运");
        await BrowserWorld.ScreenshotAsync(page, "dashboard");

        // Its page shows the five steps with step 1 under way; the stakeholders come after the notice period.
        await column.GetByRole(AriaRole.Link).Filter(new() { HasText = caseNumber }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"议事详情 · {caseNumber} 1栋电梯经常停运");
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li[aria-current=step]")).ToContainTextAsync("锚定问题");
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li.done")).ToHaveCountAsync(0);
        var stakeholders = page.GetByRole(AriaRole.Region, new() { Name = "利益相关方与推选结果" });
        await Assertions.Expect(stakeholders).ToContainTextAsync("尚未确定利益相关方");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "会议", Exact = true })).ToContainTextAsync("尚未开始");
        await BrowserWorld.ScreenshotAsync(page, "deliberation");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Intake_StaffMergeADuplicate_RankingCountsBothReports()
    {
        foreach (var (title, reporters) in new[] { ("2栋门禁损坏", 2), ("2栋门禁坏了", 3) })
        {
            await world.PostAsync($"/api/communities/{world.CommunityId}/complaints", new
            {
                categoryCode = "security", title, description = "门禁无法刷卡", severity = 3, urgency = 3, reporterCount = reporters,
                buildingGroupIds = new[] { world.Buildings["2栋"] }, householdIds = Array.Empty<string>(), reporterPersonIds = Array.Empty<string>(),
            });
        }
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "问题登记" }).ClickAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "保留的问题: 2栋门禁损坏" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "重复的问题: 2栋门禁坏了" }).CheckAsync();
        // Side by side before merging: what the kept complaint will say.
        await Assertions.Expect(page.GetByTestId("merge-compare").Locator("tr.merge-result")).ToHaveTextAsync("合并后335");
        string? asked = null;
        page.Dialog += (_, dialog) => { asked = dialog.Message; _ = dialog.AcceptAsync(); };
        await page.GetByRole(AriaRole.Button, new() { Name = "合并到所选问题" }).ClickAsync();
        await BrowserWorld.UntilAsync(() => Task.FromResult(asked is not null), "the confirmation before merging");
        Assert.Contains("合并后可以撤销", asked, StringComparison.Ordinal);

        var merge = page.GetByRole(AriaRole.Region, new() { Name = "合并重复问题" });
        await Assertions.Expect(merge.GetByRole(AriaRole.Status)).ToHaveTextAsync("已合并");
        await Assertions.Expect(merge).Not.ToContainTextAsync("2栋门禁坏了");
        var ranking = page.GetByTestId("ranking");
        await Assertions.Expect(ranking).Not.ToContainTextAsync("2栋门禁坏了");
        var kept = ranking.Locator("li").Filter(new() { HasText = "2栋门禁损坏" }).First;
        await kept.Locator("summary").ClickAsync();
        await Assertions.Expect(kept.Locator(".parts li").First).ToContainTextAsync("反映人数");
        var ranked = await world.Admin.GetStringAsync($"/api/communities/{world.CommunityId}/complaints/ranking");
        Assert.Contains("\"reporterCount\":5", ranked, StringComparison.Ordinal);
        await BrowserWorld.ScreenshotAsync(page, "intake-merge");

        // A wrong merge is undone at once: the duplicate is open again and the count goes back.
        await merge.GetByRole(AriaRole.Button, new() { Name = "撤销合并" }).ClickAsync();
        await Assertions.Expect(merge.GetByRole(AriaRole.Status)).ToHaveTextAsync("已撤销合并，重复的问题已恢复为待处理。");
        await Assertions.Expect(merge).ToContainTextAsync("2栋门禁坏了");
        var undone = await world.Admin.GetStringAsync($"/api/communities/{world.CommunityId}/complaints/ranking");
        Assert.DoesNotContain("\"reporterCount\":5", undone, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
