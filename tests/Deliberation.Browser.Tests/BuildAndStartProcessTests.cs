using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>
/// Issue 14, acceptance 2: a committee worker builds a small process from nothing in the designer, in Chinese — ask a
/// building group a yes/no question with a reminder, then notify the result — publishes it, starts it on 启动流程
/// choosing the building from a list, and watches it finish on the instance's page once the residents have answered by
/// their emailed links; the result reaches them by email with the tally.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BuildAndStartProcessTests(BrowserWorld world)
{
    private readonly Mailbox _mail = new(world);

    [Fact]
    public async Task Designer_AskBuildingThenNotify_BuiltPublishedStartedAnswered_FinishesAndMailsTheTally()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var id = "ask-building-" + suffix;
        var name = $"楼栋征询 {suffix}";
        var question = $"是否同意在1栋加装电梯？（{suffix}）";
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);

        // A new workflow, named in Chinese, taking the building as an input chosen from a list at launch.
        await page.GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
        await page.GetByLabel("新流程 ID").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建流程" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByLabel("流程名称", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("流程说明").FillAsync("向一栋楼的住户征询是否加装电梯，并通知结果。");
        var definition = page.GetByTestId("definition-fields");
        await definition.Locator("summary").ClickAsync();
        await definition.GetByRole(AriaRole.Button, new() { Name = "添加输入项" }).ClickAsync();
        var input = definition.Locator("fieldset.definition-input").First;
        await input.GetByLabel("名称（字母、数字、_）").FillAsync("building");
        await input.GetByLabel("中文名称").FillAsync("楼栋");
        await input.GetByLabel("选择方式").SelectOptionAsync(new SelectOptionValue { Label = "选择楼栋小组" });
        await input.GetByLabel("必填").CheckAsync();

        // 征询参与者, dragged from the palette: a yes/no question to the building's households, reminders every day, on after two answers.
        var pane = page.Locator(".react-flow__pane");
        var box = (await pane.BoundingBoxAsync())!;
        await page.Locator(".palette-item[data-type=AskParticipants]").DragToAsync(pane, new() { TargetPosition = new() { X = box.Width / 2, Y = box.Height * 0.3f } });
        var ask = page.Locator(".react-flow__node[data-id=askParticipants1]");
        await Assertions.Expect(ask).ToBeVisibleAsync();
        await ask.ClickAsync();
        var askProperties = page.Locator(".properties[data-activity=askParticipants1]");
        await askProperties.GetByLabel("问题 *", new() { Exact = true }).FillAsync(question);
        await askProperties.GetByLabel("答复方式 *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "是/否" });
        await askProperties.GetByLabel("对象范围 *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "楼栋小组的居民" });
        await AudienceFromInputAsync(askProperties);
        await askProperties.GetByLabel("法定答复数", new() { Exact = true }).FillAsync("2");
        await askProperties.GetByLabel("提醒间隔", new() { Exact = true }).FillAsync("24h");

        // 通知 with the tally, to the same building; and an end.
        await page.Locator(".palette-item[data-type=Notify]").DragToAsync(pane, new() { TargetPosition = new() { X = box.Width / 2, Y = box.Height * 0.55f } });
        var notify = page.Locator(".react-flow__node[data-id=notify1]");
        await notify.ClickAsync();
        var notifyProperties = page.Locator(".properties[data-activity=notify1]");
        await notifyProperties.GetByLabel("主题 *", new() { Exact = true }).FillAsync($"征询结果（{suffix}）：{{{{ output.askParticipants1.tally.counts.yes }}}} 户同意");
        await notifyProperties.GetByLabel("正文 *", new() { Exact = true }).FillAsync(
            "关于在1栋加装电梯的征询：同意 {{ output.askParticipants1.tally.counts.yes }} 户，不同意 {{ output.askParticipants1.tally.counts.no }} 户。");
        await notifyProperties.GetByLabel("对象范围 *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "楼栋小组的居民" });
        await AudienceFromInputAsync(notifyProperties);
        await page.Locator(".palette-item[data-type=End]").DragToAsync(pane, new() { TargetPosition = new() { X = box.Width / 2, Y = box.Height * 0.8f } });
        await Assertions.Expect(page.Locator(".react-flow__node[data-id=end1]")).ToBeVisibleAsync();

        // Connected in each step's property panel: start → ask; every way the ask ends → notify; notify → end.
        await ConnectAsync(page, "start", "Done", "askParticipants1");
        foreach (var port in new[] { "AllAnswered", "QuorumReached", "Deadline" }) await ConnectAsync(page, "askParticipants1", port, "notify1");
        await ConnectAsync(page, "notify1", "Done", "end1");
        await BrowserWorld.ScreenshotAsync(page, "build-ask-notify");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToHaveTextAsync("已保存为版本 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToHaveTextAsync("已发布版本 1");

        // 启动 from the workflow list: the start page has it chosen, and offers the community's buildings by name.
        await page.GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
        var row = page.GetByTestId("definitions").Locator("tr", new() { HasText = id });
        await Assertions.Expect(row).ToContainTextAsync(name);
        await row.GetByRole(AriaRole.Link, new() { Name = $"启动 {id}" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "启动流程" }).WaitForAsync();
        await Assertions.Expect(page.GetByTestId("start-description")).ToHaveTextAsync("向一栋楼的住户征询是否加装电梯，并通知结果。");
        var building = page.GetByLabel("楼栋 *", new() { Exact = true });
        await Assertions.Expect(building.Locator("option", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^1栋$") })).ToHaveCountAsync(1);
        // Required, checked at the field before anything is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "启动", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".field[data-input=building] .field-error")).ToHaveTextAsync("此项为必填项");
        await building.SelectOptionAsync(new SelectOptionValue { Label = "1栋" });
        await Assertions.Expect(page.Locator(".field[data-input=building] .field-error")).ToHaveCountAsync(0);
        await BrowserWorld.ScreenshotAsync(page, "start-workflow");
        await page.GetByRole(AriaRole.Button, new() { Name = "启动", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/instances/*");
        var instanceId = page.Url.Split('/')[^1];
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("waiting")).ToContainTextAsync("askParticipants1");
        await Assertions.Expect(page.GetByTestId("instance-live")).ToBeVisibleAsync();

        // Two households answer by their emailed links: the quorum is reached and the result goes out.
        await world.AnswerByLinkAsync(await _mail.LinkAsync("wang.home@example.com", question), "是");
        await world.AnswerByLinkAsync(await _mail.LinkAsync("zhang@example.com", question), "否");
        await BrowserWorld.UntilAsync(async () => (string)(await world.Admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["instance"]!["status"]! == "Finished",
            "the started instance finishing", async () => await world.Admin.GetStringAsync($"/api/instances/{instanceId}"));
        // The page follows the instance by itself: no reload.
        await Assertions.Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(page.GetByTestId("instance-live")).ToHaveCountAsync(0);
        await BrowserWorld.ScreenshotAsync(page, "started-instance-finished");

        var result = await _mail.MessageAsync("zhang@example.com", $"征询结果（{suffix}）");
        Assert.Equal($"征询结果（{suffix}）：1 户同意", result.Subject);
        Assert.Contains("关于在1栋加装电梯的征询：同意 1 户，不同意 1 户。", result.TextBody, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>The audience is the building chosen at launch: the 变量 kind of value, the workflow's input 楼栋.</summary>
    private static async Task AudienceFromInputAsync(ILocator properties)
    {
        await properties.GetByLabel("对象编号 * · 表达式类型").SelectOptionAsync(new SelectOptionValue { Label = "变量" });
        await properties.GetByLabel("对象编号 *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "楼栋（building）" });
    }

    /// <summary>Connects a port of one step to another in the step's property panel (出口, 连接到, 添加连接).</summary>
    private static async Task ConnectAsync(IPage page, string source, string port, string target)
    {
        await page.Locator($".react-flow__node[data-id={source}]").ClickAsync();
        var properties = page.Locator($".properties[data-activity={source}]");
        await properties.GetByLabel("出口").SelectOptionAsync(port);
        await properties.GetByLabel("连接到").SelectOptionAsync(target);
        await properties.GetByRole(AriaRole.Button, new() { Name = "添加连接" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId($"rf__edge-{source}:{port}->{target}")).ToHaveCountAsync(1);
    }
}
