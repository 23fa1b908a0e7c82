using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>
/// Every main staff page at a laptop's, a tablet's and a phone's size: a screenshot of each (artifacts/screenshots/tour-*),
/// and what a Chinese community worker would trip over — a page that scrolls sideways, or English words in the zh-CN text.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PageTourTests(BrowserWorld world, ITestOutputHelper output)
{
    /// <summary>
    /// Latin text a Chinese page may show: names and codes of the data (case numbers, ids, emails and community codes marked .latin, activity types under their
    /// Chinese labels, file formats), the language switch, and the technical details folded away under 技术信息.
    /// Inputs with a fixed set of values (the tie rule, "without a decision, return to") are dropdowns with Chinese
    /// names, so their codes (lots, staff, convene, vote) are not on the page.
    /// </summary>
    private const string EnglishWords = """
        () => {
          const allowed = /^(English|JSON|SHA-256|ID|Scriban|Elsa|PT24H|DALONG-?|docx|csv|xlsx|v\d+)$/;
          const skip = 'code, .latin, .activity-type, .port-names, .react-flow__edge-text, .technical, option, [lang=en], .sr-only, .muted.sha';
          const words = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || el.closest(skip) || !el.checkVisibility()) continue;
            for (const w of n.textContent.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []) if (!allowed.test(w)) words.add(w);
          }
          return [...words].slice(0, 20).join(' ');
        }
        """;

    private const string Overflow = """
        () => [...document.querySelectorAll('body *')].filter(e => !e.closest('.react-flow') && e.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
        """;

    [Theory]
    [InlineData("laptop", "电脑", 1280, 800, false)]
    [InlineData("tablet", "平板", 768, 1024, true)]
    [InlineData("phone", "手机", 390, 844, true)]
    public async Task StaffPages_AtEachSize_ShowNoEnglishAndDoNotScrollSideways(string device, string deviceZh, int width, int height, bool touch)
    {
        var (instanceId, _) = await world.DeliberationAwaitingPlanAsync($"2栋楼顶漏水（{deviceZh}查看）", "2栋");
        var page = await world.NewPageAsync(width, height, touch);
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        var problems = new List<string>();
        async Task VisitAsync(string name, string path, Func<Task> ready)
        {
            await page.GotoAsync(path);
            await ready();
            await Assertions.Expect(page.GetByText("正在加载…")).ToHaveCountAsync(0);
            await BrowserWorld.ScreenshotAsync(page, $"tour-{device}-{name}");
            var english = await page.EvaluateAsync<string>(EnglishWords);
            if (english.Length > 0) problems.Add($"{name}: English in the zh-CN page: {english}");
            // The designer's canvas is meant for a large screen; on a phone it stacks, and the diagram pans inside its frame.
            var overflow = await page.EvaluateAsync<string>(Overflow);
            if (overflow.Length > 0) problems.Add($"{name}: scrolls sideways at {width} px: {overflow}");
        }

        await VisitAsync("dashboard", "/", () => page.GetByTestId("step-1").WaitForAsync());
        await VisitAsync("intake", "/intake", () => page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync());
        await VisitAsync("cases", "/cases", () => page.GetByTestId("case-list").WaitForAsync());
        await VisitAsync("proxy", "/proxy", () => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "代填答复" }).WaitForAsync());
        await VisitAsync("launch", "/launch", () => page.GetByRole(AriaRole.Button, new() { Name = "发起", Exact = true }).WaitForAsync());
        await VisitAsync("deliberation", $"/deliberations/{instanceId}", () => page.GetByTestId("timeline").WaitForAsync());
        await VisitAsync("instance", $"/instances/{instanceId}", () => page.Locator(".activity-node[data-state=waiting]").First.WaitForAsync());
        await VisitAsync("designer-list", "/designer", () => page.GetByRole(AriaRole.Link, new() { Name = "编辑 fanshi-youjiqing" }).WaitForAsync());
        await VisitAsync("designer", "/designer/fanshi-youjiqing", () => Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true"));
        await VisitAsync("admin-hierarchy", "/admin", () => page.GetByTestId("precinct-东苑").WaitForAsync());
        await VisitAsync("admin-roster", "/admin/roster", () => page.GetByTestId("people").Locator("tbody tr").First.WaitForAsync());
        await VisitAsync("admin-settings", "/admin/settings", () => page.GetByLabel("通知的邮箱").WaitForAsync());
        // Accounts and communities are the administrator's.
        await page.Context.CloseAsync();
        page = await world.NewPageAsync(width, height, touch);
        await BrowserWorld.SignInAsync(page, BrowserWorld.AdminEmail);
        await VisitAsync("admin-accounts", "/admin/accounts", () => page.GetByTestId("accounts").Locator("tbody tr").First.WaitForAsync());
        await VisitAsync("admin-communities", "/admin/communities", () => page.GetByTestId("communities").Locator("tbody tr").First.WaitForAsync());
        await VisitAsync("operations", "/operations", () => page.GetByTestId("ops-instances").Locator("tbody tr").First.WaitForAsync());

        foreach (var problem in problems) output.WriteLine(problem);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
