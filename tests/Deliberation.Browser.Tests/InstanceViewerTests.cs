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
        // Details open on the activity it waits on: started, still waiting, the inputs it read.
        var activity = page.GetByTestId("activity-details");
        await Assertions.Expect(activity.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("等待答复");
        await Assertions.Expect(activity.GetByTestId("activity-runs").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(activity.GetByTestId("activity-runs")).ToContainTextAsync("等待中");
        await Assertions.Expect(activity.GetByTestId("activity-inputs")).ToContainTextAsync("answer");
        await BrowserWorld.ScreenshotAsync(page, "instance-viewer");

        // Clicking an activity that ran shows what it read, scripts evaluated: the email it sent.
        await page.Locator(".react-flow__node[data-id=ask]").ClickAsync();
        await Assertions.Expect(activity.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("征询意见");
        await Assertions.Expect(activity.GetByTestId("activity-runs")).ToContainTextAsync("已完成");
        await Assertions.Expect(activity.GetByText("输入（最近一次执行时的取值）")).ToBeVisibleAsync();
        await Assertions.Expect(activity.GetByTestId("activity-inputs")).ToContainTextAsync("请就“5号楼加装电梯”发表意见");
        await Assertions.Expect(activity.GetByTestId("activity-inputs")).ToContainTextAsync("resident@example.com");
        // One that has not run shows the workflow's own setting, unevaluated.
        await activity.GetByLabel("选择活动").SelectOptionAsync("count");
        await Assertions.Expect(activity.GetByTestId("activity-not-run")).ToHaveTextAsync("此活动尚未执行。");
        await Assertions.Expect(activity.GetByTestId("activity-inputs")).ToContainTextAsync("vars.reminders + 1");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "取消实例" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-message")).ToHaveTextAsync("已取消");
        var details = (await world.Admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("Cancelled", (string)details["instance"]!["status"]!);
        await Assertions.Expect(page.Locator(".activity-node[data-state=waiting]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InstanceViewer_Incident_IsHighlightedListedOnTheDashboardAndRetried()
    {
        var id = "faulty-" + Guid.NewGuid().ToString("N")[..8];
        var definition = JsonNode.Parse($$"""
            { "id": "{{id}}", "variables": [ { "name": "notice", "default": null } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "render", "type": "RenderTemplate", "label": "生成通知",
                  "inputs": { "template": { "type": "literal", "value": "no-such-template.scriban" },
                              "resultVariable": { "type": "literal", "value": "notice" } } } ],
              "connections": [ { "source": "start", "sourcePort": "Done", "target": "render" } ] }
            """)!;
        (await world.Admin.PutAsJsonAsync($"/api/workflows/{id}", definition)).EnsureSuccessStatusCode();
        (await world.Admin.PostAsync($"/api/workflows/{id}/versions/1/publish", null)).EnsureSuccessStatusCode();
        var caseNumber = "GZ-" + id;
        var started = await world.PostAsync("/api/instances", new { definitionId = id, communityId = world.CommunityId, correlationId = caseNumber });
        var instanceId = (string)started["instanceId"]!;

        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        var incident = page.GetByRole(AriaRole.Region, new() { Name = "需要处理的故障" }).GetByRole(AriaRole.Link).Filter(new() { HasText = caseNumber });
        // The engine's English message, told in Chinese, with the case and the activity's label: on the dashboard and on the viewer.
        const string missing = "模板文件“no-such-template.scriban”不存在，请检查流程中填写的模板名称，或请管理员补上该模板。";
        await Assertions.Expect(incident).ToHaveTextAsync($"{caseNumber} · 活动“生成通知”出错：{missing}");
        await incident.ClickAsync();
        await page.WaitForURLAsync($"**/instances/{instanceId}");
        await Assertions.Expect(page.Locator(".react-flow__node[data-id=render] .activity-node")).ToHaveAttributeAsync("data-state", "incident");
        await Assertions.Expect(page.GetByTestId("incident-text")).ToHaveTextAsync($"活动“生成通知”出错：{missing}");
        await page.GetByText("技术信息").ClickAsync();
        await Assertions.Expect(page.Locator(".technical code")).ToContainTextAsync("Template 'no-such-template.scriban' does not exist.");
        await Assertions.Expect(page.Locator(".react-flow__minimap-node")).ToHaveCountAsync(2);
        await BrowserWorld.ScreenshotAsync(page, "instance-incident");

        await page.GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-message")).ToHaveTextAsync("已重试");
        var journal = await world.Admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/journal");
        Assert.Contains(journal!, row => (string)row!["kind"]! == "IncidentRetried");
        // The template is still missing: the retry failed again and the activity is still marked.
        await Assertions.Expect(page.Locator(".react-flow__node[data-id=render] .activity-node")).ToHaveAttributeAsync("data-state", "incident");
        await page.Context.CloseAsync();
    }
}
