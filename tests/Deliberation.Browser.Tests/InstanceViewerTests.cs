using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>Acceptance 4: the instance viewer highlights what an instance waits on; staff can cancel it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class InstanceViewerTests(BrowserWorld world)
{
    [Fact]
    public async Task InstanceViewer_SuspendedInstance_HighlightsTheWaitingActivityAndThePathAndCancels()
    {
        var instanceId = await world.StartSampleAsync(world.CommunityId);
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync($"/instances/{instanceId}");

        var waiting = page.Locator(".react-flow__node[data-id=wait] .activity-node");
        await Assertions.Expect(waiting).ToHaveAttributeAsync("data-state", "waiting");
        await Assertions.Expect(page.Locator(".activity-node[data-state=waiting]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".react-flow__node[data-id=start] .activity-node")).ToHaveAttributeAsync("data-state", "taken");
        await Assertions.Expect(page.GetByTestId("waiting")).ToContainTextAsync("wait");
        await BrowserWorld.ScreenshotAsync(page, "instance-viewer");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "取消实例" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-message")).ToHaveTextAsync("已取消");
        var details = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Cancelled", (string)details["instance"]!["status"]!);
        await Assertions.Expect(page.Locator(".activity-node[data-state=waiting]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
