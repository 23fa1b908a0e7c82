using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>
/// 社区管理 in the browser, in Chinese, with no API call from the test: an administrator creates a community, its
/// precincts and buildings, imports its roster (a bad file first: every problem at its line and column, nothing
/// imported), sets where escalations go, creates the accounts and resets a password; the new accounts then sign in.
/// Each page is checked with axe on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationTests(BrowserWorld world, ITestOutputHelper output)
{
    private const string Header = "网格,小区,楼栋,单元,房号,建筑面积,姓名,角色,邮箱,电话,户代表\r\n";

    private static FilePayload Csv(string name, string body) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Header + body) };

    [Fact]
    public async Task Administrator_SetsUpACommunity_Roster_AndAccounts_AllInTheUi()
    {
        var code = "yuhui-" + Guid.NewGuid().ToString("N")[..6];
        var headEmail = $"head-{code}@browser.test";
        var staffEmail = $"staff-{code}@browser.test";
        var serious = new List<string>();
        var page = await world.NewPageAsync(1280, 800);
        await BrowserWorld.SignInAsync(page, BrowserWorld.AdminEmail);

        // A community.
        await page.GetByRole(AriaRole.Link, new() { Name = "社区管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "社区", Exact = true }).ClickAsync();
        await page.GetByLabel("社区代码").FillAsync("Not A Code");
        await page.GetByLabel("社区名称").FillAsync("宇辉社区");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建社区" }).ClickAsync();
        await Assertions.Expect(page.Locator("#community-code-error")).ToContainTextAsync("小写字母");
        await page.GetByLabel("社区代码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建社区" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已创建宇辉社区");
        await Assertions.Expect(page.Locator("#community option:checked")).ToHaveTextAsync("宇辉社区");
        await BrowserWorld.ScreenshotAsync(page, "admin-communities");
        serious.AddRange(await AccessibilityTests.SeriousAsync(page, "admin-communities", output));

        // Its precinct and buildings, in one compound.
        await page.GetByRole(AriaRole.Link, new() { Name = "网格与楼栋" }).ClickAsync();
        await Assertions.Expect(page.GetByText("还没有网格。")).ToBeVisibleAsync();
        await page.GetByLabel("网格名称").FillAsync("第一网格");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加网格" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("precinct-第一网格")).ToBeVisibleAsync();
        foreach (var building in new[] { "1栋", "2栋" })
        {
            await page.GetByLabel("小区", new() { Exact = true }).FillAsync("宇辉星城");
            await page.GetByLabel("楼栋名称").FillAsync(building);
            await page.GetByRole(AriaRole.Button, new() { Name = "添加楼栋" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("precinct-第一网格")).ToContainTextAsync("宇辉星城" + building);
        }
        await page.GetByLabel("楼栋名称").FillAsync("1栋");
        await page.GetByLabel("小区", new() { Exact = true }).FillAsync("宇辉星城");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加楼栋" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("该名称已存在");
        await Assertions.Expect(page.GetByTestId("precinct-第一网格")).ToContainTextAsync("2 个楼栋");
        await BrowserWorld.ScreenshotAsync(page, "admin-hierarchy");
        serious.AddRange(await AccessibilityTests.SeriousAsync(page, "admin-hierarchy", output));

        // The roster: a file with problems is refused whole, each problem at its line and column.
        await page.GetByRole(AriaRole.Link, new() { Name = "居民名册" }).ClickAsync();
        await page.GetByLabel("名册文件").SetInputFilesAsync(Csv("名册-有误.csv",
            "第一网格,宇辉星城,1栋,1单元,101,80,周大爷,居民,zhou@example.com,,是\r\n" +
            "第一网格,宇辉星城,9栋,1单元,101,80,吴阿姨,居民,wu@example.com,,是\r\n" +
            "第一网格,宇辉星城,2栋,1单元,201,80,郑先生,居民,not-an-email,,是\r\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "导入名册" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("roster-result")).ToContainTextAsync("未导入任何内容");
        var problems = page.GetByTestId("roster-problems");
        await Assertions.Expect(problems.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(problems.Locator("tbody tr").Nth(0)).ToContainTextAsync(new Regex("^3楼栋.*9栋"));
        await Assertions.Expect(problems.Locator("tbody tr").Nth(1)).ToContainTextAsync(new Regex("^4邮箱"));
        await Assertions.Expect(page.GetByTestId("people-count")).ToHaveTextAsync("共 0 人");
        await BrowserWorld.ScreenshotAsync(page, "admin-roster-problems");
        serious.AddRange(await AccessibilityTests.SeriousAsync(page, "admin-roster-problems", output));

        // …and the corrected file is imported.
        await page.GetByLabel("名册文件").SetInputFilesAsync(Csv("名册.csv",
            "第一网格,宇辉星城,1栋,1单元,101,80,周大爷,居民,zhou@example.com,,是\r\n" +
            "第一网格,宇辉星城,1栋,1单元,102,80,吴楼长,居民、楼长,,13800001234,是\r\n" +
            "第一网格,宇辉星城,2栋,1单元,201,80,郑先生,居民,zheng@example.com,,是\r\n" +
            ",,,,,,孙律师,律师,sun@example.com,,\r\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "导入名册" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("roster-result")).ToHaveTextAsync("已导入 3 户、4 人。");
        await Assertions.Expect(page.GetByTestId("roster-problems")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("people-count")).ToHaveTextAsync("共 4 人");
        await Assertions.Expect(page.GetByTestId("people")).ToContainTextAsync("138****1234");
        await Assertions.Expect(page.GetByTestId("people")).ToContainTextAsync("居民、楼长");
        // A wrong email mended on the spot.
        await page.GetByRole(AriaRole.Button, new() { Name = "修改郑先生的邮箱" }).ClickAsync();
        await page.GetByLabel("郑先生的邮箱（留空即删除）").FillAsync("zheng.new@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("people")).ToContainTextAsync("zheng.new@example.com");
        await page.GetByLabel("楼栋", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "宇辉星城2栋" });
        await Assertions.Expect(page.GetByTestId("people-count")).ToHaveTextAsync("共 1 人");
        await BrowserWorld.ScreenshotAsync(page, "admin-roster");
        serious.AddRange(await AccessibilityTests.SeriousAsync(page, "admin-roster", output));

        // Where escalations go, and a kind of party of the community's own.
        await page.GetByRole(AriaRole.Link, new() { Name = "上报与议事方" }).ClickAsync();
        await page.GetByLabel("通知的邮箱").FillAsync("jiedao@example.com, 不是邮箱");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#escalation-emails-error")).ToContainTextAsync("不是邮箱");
        await page.GetByLabel("通知的邮箱").FillAsync("jiedao@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("上报联系人已保存。")).ToBeVisibleAsync();
        await page.GetByLabel("类别名称（每行一个）").FillAsync("共建单位");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).Nth(1).ClickAsync();
        await Assertions.Expect(page.GetByText("议事方类别已保存。")).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "admin-settings");
        serious.AddRange(await AccessibilityTests.SeriousAsync(page, "admin-settings", output));

        // The accounts: committee staff, and the building head who is 吴楼长 of the roster.
        await page.GetByRole(AriaRole.Link, new() { Name = "账号", Exact = true }).ClickAsync();
        var form = page.GetByTestId("new-account");
        await form.GetByLabel("显示名称").FillAsync("周主任");
        await form.GetByLabel("邮箱 *", new() { Exact = true }).FillAsync(staffEmail);
        await form.GetByLabel("初始密码").FillAsync("short");
        await form.GetByLabel("宇辉社区").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-account-password-error")).ToContainTextAsync("至少 10 个字符");
        // Long enough but easy to guess: the server's reasons are shown under the field.
        await form.GetByLabel("初始密码").FillAsync("password12345");
        await form.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-account-password-error")).ToContainTextAsync("这个密码太容易被猜到");
        await form.GetByLabel("初始密码").FillAsync("temporary-lantern-orchard");
        await form.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("accounts")).ToContainTextAsync("周主任");
        await Assertions.Expect(page.GetByText("已创建周主任的账号。")).ToBeVisibleAsync();

        form = page.GetByTestId("new-account");
        await form.GetByLabel("显示名称").FillAsync("吴楼长");
        await form.GetByLabel("邮箱 *", new() { Exact = true }).FillAsync(headEmail);
        await form.GetByLabel("初始密码").FillAsync(BrowserWorld.Password);
        await form.GetByLabel("社区工作人员").UncheckAsync();
        await form.GetByLabel("楼长（").CheckAsync();
        await form.GetByLabel("宇辉社区").CheckAsync();
        await form.GetByLabel("按姓名查找").FillAsync("吴");
        await form.GetByLabel("名册中的本人").SelectOptionAsync(new SelectOptionValue { Label = "吴楼长（宇辉星城1栋1单元102）" });
        await form.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        var accounts = page.GetByTestId("accounts");
        await Assertions.Expect(accounts.Locator("tr", new() { HasText = headEmail })).ToContainTextAsync("楼长宇辉社区正常");

        // 周主任 forgot the password: the administrator sets a new one.
        await page.GetByRole(AriaRole.Button, new() { Name = "修改周主任的账号" }).ClickAsync();
        await page.GetByLabel("新密码").FillAsync("a-brand-new-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "重设密码" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已重设周主任的密码。")).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "admin-accounts");
        serious.AddRange(await AccessibilityTests.SeriousAsync(page, "admin-accounts", output));

        // 运行监控: the administrator sees the instances, the timers due next and the emails by delivery status.
        await page.GetByRole(AriaRole.Link, new() { Name = "运行监控" }).ClickAsync();
        await page.GetByLabel("状态", new() { Exact = true }).First.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("ops-instance-count")).ToHaveTextAsync("共 0 个");
        await page.GetByLabel("状态").Last.SelectOptionAsync(new SelectOptionValue { Label = "已发送" });
        // Signals not taken yet and incidents with their retry have their own sections (none in a new community).
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "待流程接收的信号" })).ToContainTextAsync("无");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "故障", Exact = true })).ToBeVisibleAsync();
        await BrowserWorld.ScreenshotAsync(page, "operations");
        serious.AddRange(await AccessibilityTests.SeriousAsync(page, "operations", output));

        // The new accounts work: the staff member sees the new community's dashboard, the head the intake page.
        var staff = await world.NewPageAsync(1280, 800);
        await BrowserWorld.SubmitSignInAsync(staff, staffEmail, "a-brand-new-password");
        await Assertions.Expect(staff.Locator("#community option:checked")).ToHaveTextAsync("宇辉社区");
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "工作台" })).ToBeVisibleAsync();
        var head = await world.NewPageAsync(390, 844, phone: true);
        await BrowserWorld.SignInAsync(head, headEmail);
        await Assertions.Expect(head.GetByRole(AriaRole.Link, new() { Name = "问题登记" })).ToBeVisibleAsync();
        await Assertions.Expect(head.GetByRole(AriaRole.Link, new() { Name = "社区管理" })).ToHaveCountAsync(0);

        await staff.Context.CloseAsync();
        await head.Context.CloseAsync();
        await page.Context.CloseAsync();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
