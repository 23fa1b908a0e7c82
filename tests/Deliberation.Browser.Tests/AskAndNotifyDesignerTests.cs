using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>
/// The designer offers 征询参与者 and 通知 in the palette, with property editors a committee worker can fill in: dropdowns
/// that read 是/否 and 楼栋小组的居民 and say what an empty field means, and the Scriban templates of the message.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AskAndNotifyDesignerTests(BrowserWorld world)
{
    [Fact]
    public async Task Palette_AskParticipantsAndNotify_PropertyEditorsShowLabelsAndDefaults()
    {
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
        await page.GetByLabel("新流程 ID").FillAsync("ask-" + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建流程" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");

        // Both under 征询与通知.
        var category = page.Locator(".palette section[aria-label=征询与通知]");
        await Assertions.Expect(category.Locator(".palette-item")).ToHaveTextAsync(["征询参与者", "通知"]);

        await category.Locator(".palette-item[data-type=AskParticipants]").ClickAsync();
        var node = page.Locator(".react-flow__node[data-id=askParticipants1]");
        await Assertions.Expect(node).ToBeVisibleAsync();
        await node.ClickAsync();
        var properties = page.Locator(".properties[data-activity=askParticipants1]");
        await properties.WaitForAsync();
        await properties.GetByLabel("问题 *", new() { Exact = true }).FillAsync("是否同意在5栋加装电梯？");
        var form = properties.GetByLabel("答复方式 *", new() { Exact = true });
        await Assertions.Expect(form.Locator("option")).ToHaveTextAsync(
            ["—（默认：是/否）", "是/否", "单选", "多选", "是否参加（回执）", "评分（1–5 分）", "文字答复", "时间征询（可多选）", "进展与照片"]);
        await form.SelectOptionAsync(new SelectOptionValue { Label = "是/否" });
        var audience = properties.GetByLabel("对象范围 *", new() { Exact = true });
        await Assertions.Expect(audience.Locator("option").Nth(1)).ToHaveTextAsync("楼栋小组的居民");
        await audience.SelectOptionAsync("building-group");
        await Assertions.Expect(properties.GetByLabel("每户一人", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(properties.GetByLabel("答复期限", new() { Exact = true })).ToHaveAttributeAsync("placeholder", "7d");
        await properties.GetByLabel("提醒间隔", new() { Exact = true }).FillAsync("24h");
        await BrowserWorld.ScreenshotAsync(page, "designer-ask-participants");

        await category.Locator(".palette-item[data-type=Notify]").ClickAsync();
        var notify = page.Locator(".react-flow__node[data-id=notify1]");
        await notify.ClickAsync();
        var notifyProperties = page.Locator(".properties[data-activity=notify1]");
        await notifyProperties.WaitForAsync();
        // The subject and body are Scriban templates only: no expression-type choice to get wrong.
        await Assertions.Expect(notifyProperties.GetByLabel("主题 * · 表达式类型")).ToHaveCountAsync(0);
        await notifyProperties.GetByLabel("主题 *", new() { Exact = true }).FillAsync("征询结果：{{ output.askParticipants1.tally.counts.yes }} 户同意");
        await Assertions.Expect(notifyProperties.Locator(".field[data-input=subject] .field-error")).ToHaveCountAsync(0);
        await BrowserWorld.ScreenshotAsync(page, "designer-notify");
    }
}
