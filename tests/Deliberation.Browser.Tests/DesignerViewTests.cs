using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>A large workflow opens at a zoom where its Chinese labels can be read, with a minimap to find the rest.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class DesignerViewTests(BrowserWorld world, ITestOutputHelper output)
{
    /// <summary>The label's text as rendered on screen, in pixels; below about 10 px Chinese characters blur into blots.</summary>
    private const double LegibleFontPixels = 10;

    [Fact]
    public async Task Designer_OpenFanshiYoujiqing_ShowsTheStartLegiblyWithMinimapAndFitViewForTheRest()
    {
        var page = await world.NewPageAsync(1280, 800);
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync("/designer/fanshi-youjiqing");
        var canvas = page.GetByTestId("canvas");
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-ready", "true");
        var label = page.Locator(".react-flow__node[data-id=start] .activity-label");
        await Assertions.Expect(label).ToHaveTextAsync("锚定问题");

        var zoom = await ZoomAsync(page);
        var onScreen = await label.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") * zoom;
        var labelBox = (await label.BoundingBoxAsync())!;
        var canvasBox = (await canvas.BoundingBoxAsync())!;
        output.WriteLine($"fanshi-youjiqing opens at zoom {zoom:F2}; the start's label is {onScreen:F1} px, its box {labelBox.Height:F1} px high");
        await BrowserWorld.ScreenshotAsync(page, "designer-fanshi-opening");
        Assert.True(onScreen >= LegibleFontPixels, $"The start's label renders at {onScreen:F1} px (zoom {zoom:F2}).");
        Assert.True(labelBox.Y >= canvasBox.Y && labelBox.Y + labelBox.Height <= canvasBox.Y + canvasBox.Height
            && labelBox.X >= canvasBox.X && labelBox.X + labelBox.Width <= canvasBox.X + canvasBox.Width,
            $"The start's label ({labelBox.X:F0},{labelBox.Y:F0}) is outside the canvas ({canvasBox.X:F0},{canvasBox.Y:F0} {canvasBox.Width:F0}×{canvasBox.Height:F0}).");

        // The rest is a click away: the minimap shows every activity, and "show the whole workflow" zooms out to it.
        await Assertions.Expect(page.GetByLabel("流程缩略图")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".react-flow__minimap-node")).ToHaveCountAsync(await page.Locator(".react-flow__node").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "显示整个流程" }).ClickAsync();
        await page.WaitForFunctionAsync(
            "z => parseFloat(/scale\\(([0-9.]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform)?.[1] ?? z) < z", zoom);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InstanceViewer_DeliberationWaitingForItsMeetingPlan_OpensLegiblyOnTheWaitingActivity()
    {
        var (instanceId, _) = await world.DeliberationAwaitingPlanAsync("2栋单元门坏了", "2栋");
        var page = await world.NewPageAsync(1280, 800);
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync($"/instances/{instanceId}");
        var waiting = page.Locator(".react-flow__node[data-id=awaitPlan] .activity-node");
        await Assertions.Expect(waiting).ToHaveAttributeAsync("data-state", "waiting");

        var zoom = await ZoomAsync(page);
        var box = (await waiting.BoundingBoxAsync())!;
        var canvas = (await page.GetByTestId("instance-canvas").BoundingBoxAsync())!;
        output.WriteLine($"The viewer opens at zoom {zoom:F2} with the waiting activity at ({box.X:F0},{box.Y:F0}) in the canvas ({canvas.X:F0},{canvas.Y:F0} {canvas.Width:F0}×{canvas.Height:F0})");
        Assert.True(zoom >= 0.75, $"The viewer opens at zoom {zoom:F2}.");
        Assert.True(box.Y >= canvas.Y && box.Y + box.Height <= canvas.Y + canvas.Height && box.X >= canvas.X && box.X + box.Width <= canvas.X + canvas.Width,
            "The waiting activity is outside the canvas.");
        await page.Context.CloseAsync();
    }

    private static async Task<double> ZoomAsync(IPage page)
    {
        var transform = await page.Locator(".react-flow__viewport").GetAttributeAsync("style") ?? "";
        var scale = ScalePattern().Match(transform);
        Assert.True(scale.Success, $"No scale in the viewport's transform: {transform}");
        return double.Parse(scale.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"scale\(([0-9.]+)\)")]
    private static partial Regex ScalePattern();
}
