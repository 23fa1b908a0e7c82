using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>Acceptance 6: no serious or critical axe violations on the dashboard, the designer and a stakeholder's answer page.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BrowserWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task Axe_DashboardDesignerAndAnswerPage_HaveNoSeriousOrCriticalViolations()
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
        await page.Context.CloseAsync();

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

        Assert.True(dashboard.Count + designer.Count + answerPage.Count == 0,
            string.Join("\n", dashboard.Concat(designer).Concat(answerPage)));
    }

    private async Task<List<string>> SeriousAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        output.WriteLine($"axe {name}: {result.Violations.Length} violations, {serious.Count} serious or critical");
        foreach (var line in serious) output.WriteLine(line);
        return serious;
    }
}
