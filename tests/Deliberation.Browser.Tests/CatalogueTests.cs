using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>
/// 议事事项目录 in the browser: staff add a kind of matter that needs a lawyer and an accountant and decides by consensus;
/// on 发起议事 a complaint of that kind brings its rules and its advisors — the roster's lawyer proposed, and a warning
/// that the roster has no accountant.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CatalogueTests(BrowserWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task Staff_AddAKindNeedingAdvisors_AndTheLaunchFormProposesThem()
    {
        var page = await world.NewPageAsync(1366, 900);
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "社区管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "议事事项目录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "协商事项指导目录" })).ToBeVisibleAsync();
        var rows = page.GetByTestId("catalogue").Locator("tbody tr");
        var count = await rows.CountAsync();
        Assert.True(count >= 12, $"The catalogue lists {count} kinds.");

        // A new kind at the end: a bad code first, refused at its field by the server.
        await page.GetByRole(AriaRole.Button, new() { Name = "添加类别" }).ClickAsync();
        var n = count + 1;
        await page.GetByLabel($"第 {n} 类 · 编码").FillAsync("Legal Dispute");
        await page.GetByLabel($"第 {n} 类 · 中文名称").FillAsync("法律纠纷");
        await page.GetByLabel($"第 {n} 类 · 英文名称").FillAsync("Legal disputes");
        var row = rows.Nth(count);
        await row.GetByLabel("律师").CheckAsync();
        await row.GetByLabel("会计师").CheckAsync();
        await page.GetByLabel($"第 {n} 类 · 默认表决规则").SelectOptionAsync("consensus");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#matter-{count}-code-error")).ToContainTextAsync("小写英文字母");
        await page.GetByLabel($"第 {n} 类 · 编码").FillAsync("legal-dispute");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("catalogue-message")).ToHaveTextAsync("议事事项目录已保存。");
        await Assertions.Expect(page.GetByTestId("catalogue-own")).ToHaveTextAsync("这是本社区自己的目录。");
        await BrowserWorld.ScreenshotAsync(page, "admin-catalogue");
        Assert.Empty(await AccessibilityTests.SeriousAsync(page, "admin-catalogue", output));

        // A complaint of that kind (low in the ranking, so that it stands in no other test's way).
        var complaint = await world.PostAsync($"/api/communities/{world.CommunityId}/complaints", new
        {
            categoryCode = "legal-dispute", title = "物业合同到期未续签", description = "业主担心物业撤场", severity = 1, urgency = 1, reporterCount = 1,
            buildingGroupIds = new[] { world.Buildings["2栋"] }, householdIds = Array.Empty<string>(), reporterPersonIds = Array.Empty<string>(),
        });
        var complaintId = (string)complaint["complaint"]!["id"]!;

        await page.GetByRole(AriaRole.Link, new() { Name = "发起议事" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#launch-issue option[value='{complaintId}']")).ToHaveCountAsync(1);
        await page.GetByLabel("选择议题（待处理的问题）").SelectOptionAsync(complaintId);
        await Assertions.Expect(page.GetByLabel("选择议题（待处理的问题）")).ToHaveValueAsync(complaintId);
        await Assertions.Expect(page.GetByTestId("launch-rules")).ToHaveTextAsync("默认表决规则：共识决");
        var advisors = page.GetByTestId("launch-advisors");
        await Assertions.Expect(advisors.GetByLabel("律师").Locator("option:checked")).ToHaveTextAsync("钱律师");
        await Assertions.Expect(page.GetByTestId("launch-advisor-accountant-missing")).ToContainTextAsync("社区名册中没有会计师");
        await Assertions.Expect(page.GetByTestId("launch-advisor-lawyer-missing")).ToHaveCountAsync(0);
        // Choosing nobody as the lawyer warns too: the panel would lack one.
        await advisors.GetByLabel("律师").SelectOptionAsync(new SelectOptionValue { Label = "暂不安排" });
        await Assertions.Expect(page.GetByTestId("launch-advisor-lawyer-missing")).ToContainTextAsync("未安排律师");
        await Assertions.Expect(page.GetByLabel("选择流程").Locator("option:checked")).ToContainTextAsync("烦事有计倾");
        await BrowserWorld.ScreenshotAsync(page, "launch-advisors");
    }
}
