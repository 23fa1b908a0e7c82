using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>Acceptance 6: no serious or critical axe violations on the dashboard, the designer, the instance viewer, the intake, the building head's proxy answers and a stakeholder's answer page.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BrowserWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task Axe_DashboardDesignerViewerIntakeAndAnswerPage_HaveNoSeriousOrCriticalViolations()
    {
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Heading, new() { Name = "工作台 · 大龙社区" }).WaitForAsync();
        await page.GetByTestId("step-1").WaitForAsync();
        var dashboard = await SeriousAsync(page, "dashboard");

        await page.GotoAsync("/designer/fanshi-youjiqing");
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");
        await page.Locator(".react-flow__node[data-id=identify]").ClickAsync();
        await page.Locator(".properties[data-activity=identify]").WaitForAsync();
        var designer = await SeriousAsync(page, "designer");
        var instanceId = await world.StartSampleAsync(world.CommunityId);
        await page.GotoAsync($"/instances/{instanceId}");
        await Assertions.Expect(page.Locator(".activity-node[data-state=waiting]")).ToHaveCountAsync(1);
        var viewer = await SeriousAsync(page, "instance viewer");
        await page.Context.CloseAsync();

        var phone = await world.NewPageAsync(390, 844, phone: true);
        await BrowserWorld.SignInAsync(phone, BrowserWorld.HeadEmail);
        await phone.GetByTestId("ranking").Or(phone.GetByText("暂无待处理的问题")).First.WaitForAsync();
        var intake = await SeriousAsync(phone, "intake");
        await phone.GotoAsync("/proxy");
        await phone.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "代填答复" }).WaitForAsync();
        await Assertions.Expect(phone.GetByText("正在加载…")).ToHaveCountAsync(0);
        var proxy = await SeriousAsync(phone, "proxy answers");
        await phone.Context.CloseAsync();

        var link = await world.PostAsync($"/api/communities/{world.CommunityId}/tasks", new
        {
            personId = world.People["张一"],
            purpose = "ballot",
            title = "1栋加装电梯方案表决",
            data = new { options = new[] { new { value = "a", label = "同意加装电梯" }, new { value = "b", label = "不同意" } }, allowComment = true },
        });
        var answer = await world.NewPageAsync(390, 844, phone: true);
        await answer.GotoAsync(new Uri((string)link["link"]!).PathAndQuery);
        await Assertions.Expect(answer.Locator("body")).ToContainTextAsync("同意加装电梯");
        await BrowserWorld.ScreenshotAsync(answer, "answer-page");
        var answerPage = await SeriousAsync(answer, "answer page");
        await answer.Context.CloseAsync();

        // The scanner itself works: a page with an unlabelled image is reported.
        var control = await world.NewPageAsync();
        await control.SetContentAsync("<html lang=\"zh-CN\"><head><title>对照</title></head><body><main><img src=\"data:,\"></main></body></html>");
        Assert.Contains(await SeriousAsync(control, "control page"), v => v.Contains("image-alt", StringComparison.Ordinal));
        await control.Context.CloseAsync();

        string[] serious = [.. dashboard, .. designer, .. viewer, .. intake, .. proxy, .. answerPage];
        Assert.True(serious.Length == 0, string.Join("\n", serious));
    }

    private Task<List<string>> SeriousAsync(IPage page, string name) => SeriousAsync(page, name, output);

    /// <summary>The serious and critical axe violations of a page, each written to the output.</summary>
    public static async Task<List<string>> SeriousAsync(IPage page, string name, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        output.WriteLine($"axe {name}: {result.Violations.Length} violations, {serious.Count} serious or critical");
        foreach (var line in serious) output.WriteLine(line);
        return serious;
    }
}
