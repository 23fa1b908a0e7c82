using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>
/// Acceptance 2: staff open fanshi-youjiqing (shared by every community, so read-only to them), save a copy for their
/// community, edit and publish it in the designer, and find it as saved.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DesignerTests(BrowserWorld world)
{
    [Fact]
    public async Task Designer_SharedWorkflowIsCopiedForTheCommunity_ThenAddConnectFixAndPublish_ReloadsExactlyAsSaved()
    {
        var sharedBefore = (await world.Admin.GetFromJsonAsync<JsonArray>("/api/workflows/fanshi-youjiqing/versions"))!.Count;
        // The new activity leads to the diagram's (first) end, whatever the file calls it.
        var current = (await world.Admin.GetFromJsonAsync<JsonObject>("/api/workflows/fanshi-youjiqing"))!;
        var end = (string)current["definition"]!["activities"]!.AsArray().First(a => (string)a!["type"]! == "End")!["id"]!;
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
        var row = page.GetByTestId("definitions").Locator("tr", new() { HasText = "fanshi-youjiqing" });
        await Assertions.Expect(row.GetByTestId("workflow-scope")).ToHaveTextAsync("各社区共用");
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑 fanshi-youjiqing" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");

        // Shared by every community: staff cannot save or publish it, only copy it for their community.
        await Assertions.Expect(page.GetByTestId("shared-note")).ToContainTextAsync("只有管理员可以修改");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" })).ToBeDisabledAsync();
        await BrowserWorld.ScreenshotAsync(page, "designer-shared");
        var id = "fanshi-youjiqing-" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("本社区流程的 ID").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "另存为本社区流程" }).ClickAsync();
        await page.WaitForURLAsync($"**/designer/{id}");
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.GetByTestId("shared-note")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("（大龙社区）");
        var before = (await world.Admin.GetFromJsonAsync<JsonArray>($"/api/workflows/{id}/versions"))!.Count;
        Assert.Equal(1, before);

        // The palette: Chinese names by category, searchable.
        await page.GetByLabel("搜索活动").FillAsync("等待一段");
        var delayItem = page.Locator(".palette-item[data-type=Delay]");
        await Assertions.Expect(delayItem).ToHaveTextAsync("等待一段时间");
        await Assertions.Expect(page.Locator(".palette-item")).ToHaveCountAsync(1);

        // Drag it onto the canvas; undo and redo the add.
        var pane = page.Locator(".react-flow__pane");
        var box = (await pane.BoundingBoxAsync())!;
        await delayItem.DragToAsync(pane, new() { TargetPosition = new() { X = box.Width - 120, Y = 60 } });
        var node = page.Locator(".react-flow__node[data-id=delay1]");
        await Assertions.Expect(node).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Assertions.Expect(node).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "重做" }).ClickAsync();
        await Assertions.Expect(node).ToBeVisibleAsync();

        // Connect its Done port to an end of the diagram, shown whole first: it opens readable at its start, the ends far below.
        await page.GetByRole(AriaRole.Button, new() { Name = "显示整个流程" }).ClickAsync();
        await Assertions.Expect(page.Locator($".react-flow__node[data-id={end}]")).ToBeInViewportAsync();
        await DragAsync(page, node.Locator(".react-flow__handle.source[data-handleid=Done]"),
            page.Locator($".react-flow__node[data-id={end}] .react-flow__handle.target"));
        var edge = page.GetByTestId($"rf__edge-delay1:Done->{end}");
        await Assertions.Expect(edge).ToHaveCountAsync(1);

        // Publishing without the required duration: the server's error shows at the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToHaveTextAsync("流程定义有误，请按提示修改");
        var field = page.Locator(".properties .field[data-input=duration]");
        await Assertions.Expect(field.Locator(".field-error")).ToHaveTextAsync("“时长”为必填项");
        await Assertions.Expect(node.Locator(".activity-node")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-error"));
        await BrowserWorld.ScreenshotAsync(page, "designer-error");

        // A property edit is undoable like the rest.
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("冷静期");
        await Assertions.Expect(node).ToContainTextAsync("冷静期");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Assertions.Expect(node).Not.ToContainTextAsync("冷静期");
        await page.GetByRole(AriaRole.Button, new() { Name = "重做" }).ClickAsync();
        await Assertions.Expect(node).ToContainTextAsync("冷静期");

        // Fix it: the error goes, and publishing makes version N+1.
        await page.Locator("#prop-duration").FillAsync("2h");
        await Assertions.Expect(field.Locator(".field-error")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        // The copy's draft (version 1) is published.
        var next = before;
        await Assertions.Expect(page.GetByTestId("designer-message")).ToHaveTextAsync($"已发布版本 {next}");
        var listed = page.GetByTestId("versions").Locator($"li[data-version='{next}']");
        await Assertions.Expect(listed).ToHaveAttributeAsync("data-published", "true");
        await Assertions.Expect(listed).ToContainTextAsync("已发布");
        var position = Translation(await node.GetAttributeAsync("style"));
        await BrowserWorld.ScreenshotAsync(page, "designer");
        var overflow = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(overflow.Length == 0, $"The designer scrolls sideways ({await page.EvaluateAsync<int>("() => window.innerWidth")} px): {overflow}");

        // Reloading shows exactly what was saved: the server's document and the canvas agree.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");
        var saved = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        Assert.Equal(next, (int)saved["version"]!["version"]!);
        Assert.Equal(world.CommunityId, (string)saved["version"]!["ownerCommunityId"]!);
        Assert.True((bool)saved["version"]!["isPublished"]!);
        var activities = saved["definition"]!["activities"]!.AsArray();
        var delay = activities.Single(a => (string)a!["id"]! == "delay1")!;
        Assert.Equal("冷静期", (string)delay["label"]!);
        Assert.Equal("2h", (string)delay["inputs"]!["duration"]!["value"]!);
        Assert.Contains(saved["definition"]!["connections"]!.AsArray(), c => (string)c!["source"]! == "delay1" && (string)c["target"]! == end);
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(activities.Count);
        await Assertions.Expect(node).ToContainTextAsync("冷静期");
        Assert.Equal(position, Translation(await node.GetAttributeAsync("style")));
        await Assertions.Expect(edge).ToHaveCountAsync(1);
        await node.ClickAsync();
        await Assertions.Expect(page.Locator("#prop-duration")).ToHaveValueAsync("2h");
        // The shared workflow is as it was.
        Assert.Equal(sharedBefore, (await world.Admin.GetFromJsonAsync<JsonArray>("/api/workflows/fanshi-youjiqing/versions"))!.Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Designer_ConcurrentSave_Answers409AndSaysSoInsteadOfOverwriting()
    {
        var id = "concurrent-" + Guid.NewGuid().ToString("N")[..8];
        var draft = new JsonObject
        {
            ["id"] = id,
            ["displayName"] = new JsonObject { ["zh-CN"] = "并发保存", ["en"] = "Concurrent save" },
            ["activities"] = new JsonArray(new JsonObject { ["id"] = "start", ["type"] = "Start", ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } } } }),
            ["connections"] = new JsonArray(),
        };
        // The community's own workflow, which its staff may change.
        (await world.Admin.PutAsJsonAsync($"/api/workflows/{id}?communityId={world.CommunityId}", draft)).EnsureSuccessStatusCode();
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync($"/designer/{id}");
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");

        // Someone else saves in between.
        draft["displayName"]!["zh-CN"] = "别人的修改";
        (await world.Admin.PutAsJsonAsync($"/api/workflows/{id}", draft)).EnsureSuccessStatusCode();
        await page.Locator(".palette-item[data-type=End]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("该流程已被他人保存（冲突）");
        var stored = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        Assert.Equal("别人的修改", (string)stored["definition"]!["displayName"]!["zh-CN"]!);
        Assert.Single(stored["definition"]!["activities"]!.AsArray());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Designer_NewWorkflowExportImport_KeepsUnsavedWorkUntilSaved()
    {
        var id = "import-" + Guid.NewGuid().ToString("N")[..8];
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
        await page.GetByLabel("新流程 ID").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建流程" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("canvas")).ToHaveAttributeAsync("data-ready", "true");

        // Export: the document as JSON.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "导出 JSON" }).ClickAsync());
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal(id, (string)exported["id"]!);
        Assert.Single(exported["activities"]!.AsArray());

        // Import: a start and an end, connected; the canvas shows them and marks the work unsaved.
        exported["activities"]!.AsArray().Add(new JsonObject { ["id"] = "end", ["type"] = "End", ["label"] = "办结" });
        exported["connections"] = new JsonArray(new JsonObject { ["source"] = "start", ["sourcePort"] = "Done", ["target"] = "end", ["targetPort"] = "In" });
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "import.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(exported.ToJsonString()),
        });
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("rf__edge-start:Done->end")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".badge.unsaved")).ToHaveTextAsync("有未保存的修改");

        // Without a mouse: add from the palette with the keyboard, connect and disconnect in the property panel.
        await page.Locator(".palette-item[data-type=End]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".react-flow__node[data-id=end1]")).ToBeVisibleAsync();
        await page.Locator(".react-flow__node[data-id=start]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".properties[data-activity=start]").WaitForAsync();
        await page.GetByLabel("出口").SelectOptionAsync("Done");
        await page.GetByLabel("连接到").SelectOptionAsync("end1");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加连接" }).ClickAsync();
        var keyboardEdge = page.GetByTestId("rf__edge-start:Done->end1");
        await Assertions.Expect(keyboardEdge).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "删除连接: Done → end1" }).ClickAsync();
        await Assertions.Expect(keyboardEdge).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Assertions.Expect(keyboardEdge).ToHaveCountAsync(1);

        // Leaving asks first; staying keeps the work.
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
        page.Dialog += Dismiss;
        await page.GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(3);
        Assert.Equal("有未保存的修改，确定离开吗？", asked);
        page.Dialog -= Dismiss;

        // Saved, it leaves without asking, and the server has the imported document.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToHaveTextAsync("已保存为版本 1");
        await page.GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "工作台 · 大龙社区" }).WaitForAsync();
        var stored = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        Assert.Equal("办结", (string)stored["definition"]!["activities"]![1]!["label"]!);
        await page.Context.CloseAsync();
    }

    private static string Translation(string? style) =>
        System.Text.RegularExpressions.Regex.Match(style ?? "", @"translate\([^)]*\)").Value;

    /// <summary>Drags with the mouse from one element's centre to another's, in small steps as a hand does.</summary>
    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        var a = (await from.BoundingBoxAsync())!;
        var b = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(a.X + a.Width / 2 + 10, a.Y + a.Height / 2 + 10, new() { Steps = 5 });
        await page.Mouse.MoveAsync(b.X + b.Width / 2, b.Y + b.Height / 2, new() { Steps = 15 });
        await page.Mouse.UpAsync();
    }
}
