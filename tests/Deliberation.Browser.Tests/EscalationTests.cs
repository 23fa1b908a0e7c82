using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>An escalation on the dashboard, under the name the escalation email gives it, acknowledged with its button.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EscalationTests(BrowserWorld world)
{
    [Fact]
    public async Task Dashboard_ShowsTheEscalationUnderTheEmailsName_AndItsButtonMarksItHandled()
    {
        // A workflow raises one, as the deliberation does when a quorum is not reached.
        var id = "raise-" + Guid.NewGuid().ToString("N")[..8];
        var definition = new JsonObject
        {
            ["id"] = id,
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject
                {
                    ["id"] = "raise", ["type"] = "RaiseEscalation", ["inputs"] = new JsonObject
                    {
                        ["kind"] = new JsonObject { ["type"] = "literal", ["value"] = "quorum-not-reached" },
                        ["subject"] = new JsonObject { ["type"] = "literal", ["value"] = "2栋议事会确认参会人数未达法定人数" },
                        ["body"] = new JsonObject { ["type"] = "literal", ["value"] = "确认参会 1 人，未达法定人数 2 人。请协调。" },
                    },
                },
                new JsonObject { ["id"] = "end", ["type"] = "End" }),
            ["connections"] = new JsonArray(
                new JsonObject { ["source"] = "start", ["sourcePort"] = "Done", ["target"] = "raise" },
                new JsonObject { ["source"] = "raise", ["sourcePort"] = "Done", ["target"] = "end" }),
        };
        var saved = await world.Admin.PutAsync($"/api/workflows/{id}", new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        await world.PostAsync($"/api/workflows/{id}/versions/1/publish", new { }, HttpStatusCode.OK);
        await world.PostAsync("/api/instances", new { definitionId = id, communityId = world.CommunityId });

        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync("/");
        var section = page.GetByRole(AriaRole.Region, new() { Name = "上报事项" });
        var item = section.Locator("li", new() { HasText = "2栋议事会确认参会人数未达法定人数" });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        // The acknowledgement's own answer is checked first: were it refused, the failure says why rather than only that
        // the item stayed.
        var acknowledged = await page.RunAndWaitForResponseAsync(
            () => item.GetByRole(AriaRole.Button, new() { Name = "确认已处理" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/acknowledge", StringComparison.Ordinal));
        Assert.True(acknowledged.Status == 200, $"acknowledge answered {acknowledged.Status}: {await acknowledged.TextAsync()}");
        await Assertions.Expect(item).ToHaveCountAsync(0);
        var open = (await world.Admin.GetStringAsync($"/api/communities/{world.CommunityId}/escalations"));
        Assert.DoesNotContain("2栋议事会确认参会人数未达法定人数", open, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
