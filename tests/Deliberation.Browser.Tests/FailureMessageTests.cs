using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>Acceptance 8: refusals reach the page cleanly, in the page's language.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FailureMessageTests(BrowserWorld world)
{
    [Fact]
    public async Task SignIn_WrongPassword_SaysSoInChineseAndInEnglish()
    {
        var page = await world.NewPageAsync();
        await BrowserWorld.SubmitSignInAsync(page, BrowserWorld.StaffEmail, "not-the-password");
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("邮箱或密码不正确");
        await BrowserWorld.ScreenshotAsync(page, "sign-in-error");

        await page.GetByTestId("language").ClickAsync();
        await page.GetByLabel("Email").FillAsync(BrowserWorld.StaffEmail);
        await page.GetByLabel("Password").FillAsync("still-not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong email or password");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Deliberation_OfAnotherCommunity_IsNotFoundInThePagesLanguage()
    {
        var theirs = await world.StartSampleAsync(world.OtherCommunityId);
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Heading, new() { Name = "工作台 · 大龙社区" }).WaitForAsync();

        await page.GotoAsync($"/deliberations/{theirs}");
        await Assertions.Expect(page.GetByTestId("page-error")).ToHaveTextAsync("找不到该流程实例");
        await page.GetByTestId("language").ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("page-error")).ToHaveTextAsync("No such instance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard · 大龙社区" }).WaitForAsync();
        await Assertions.Expect(page.GetByTestId("step-1")).ToContainTextAsync("Anchor the issue");
        await BrowserWorld.ScreenshotAsync(page, "dashboard-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefusedWithAMessageInThePagesLanguage()
    {
        var page = await world.NewPageAsync(390, 844, phone: true);
        await BrowserWorld.SignInAsync(page, BrowserWorld.HeadEmail);
        await page.GetByLabel("标题").WaitForAsync();
        // The anti-forgery cookie is gone (as after a forged cross-site post): the signed-in cookie alone must not do.
        await page.Context.ClearCookiesAsync(new() { Name = "deliberation.xsrf" });
        await page.GetByLabel("类别").SelectOptionAsync("parking");
        await page.GetByLabel("标题").FillAsync("伪造的登记");
        await page.GetByLabel("1栋").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交登记" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("intake-message")).ToHaveTextAsync("页面已过期或请求来源无法验证，请刷新页面后重试");
        await BrowserWorld.ScreenshotAsync(page, "antiforgery-refused");

        await page.GetByTestId("language").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log it" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("intake-message")).ToHaveTextAsync("The page has expired or the request could not be verified; reload the page and try again");
        var complaints = await world.Admin.GetStringAsync($"/api/communities/{world.CommunityId}/complaints");
        Assert.DoesNotContain("伪造的登记", complaints, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
