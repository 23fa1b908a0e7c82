using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>
/// Issue 15: minutes confirmation (纪要确认) in the staff UI. A meeting is held through the API on the real clock (a poll
/// closing seconds after planning, a meeting under a minute later); the participant objects to a section through the
/// link in the draft's email; on the deliberation page staff read the objection and answer it, and the card shows the
/// answer; once the participant confirms, the sealed PDF is offered, and its verification page, opened on a phone, accepts it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MinutesConfirmationUiTests(BrowserWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task DeliberationPage_ObjectionToTheDraftMinutes_StaffAnswerItAndTheCardShowsTheAnswer()
    {
        var api = $"/api/communities/{world.CommunityId}";
        var (instanceId, caseId) = await world.DeliberationAwaitingPlanAsync("2栋楼道灯不亮", "2栋", "楼道灯坏了一个月",
            new JsonObject { ["quorumCheckBefore"] = "20s", ["meetingReminders"] = "10s", ["minutesConfirmation"] = "1h" });
        var now = DateTimeOffset.UtcNow;
        var planned = await world.PostAsync($"{api}/cases/{caseId}/meetings", new
        {
            name = "2栋楼道灯协商会", place = "西苑活动室", agenda = new[] { "维修方案", "表决" }, chair = "李主任", recorder = "小王",
            slots = new[] { new { start = now.AddSeconds(45), end = now.AddHours(1) }, new { start = now.AddHours(3), end = now.AddHours(4) } },
            pollClosesAt = now.AddSeconds(8),
        });
        var meetingId = (string)planned["id"]!;
        var mailbox = new Mailbox(world);
        using var resident = new HttpClient { BaseAddress = world.Host.Address };
        var rsvp = await resident.PostAsync(await mailbox.LinkAsync("ouyang@example.com", "会议通知"), new FormUrlEncodedContent([new("choice", "yes")]));
        Assert.True(rsvp.IsSuccessStatusCode, await rsvp.Content.ReadAsStringAsync());
        var view = await world.Admin.GetFromJsonAsync<JsonObject>($"{api}/meetings/{meetingId}");
        var startsAt = DateTimeOffset.Parse((string)view!["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture);
        var wait = startsAt + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);

        // The meeting, through the API: present, a vote, an action item, closed.
        var attendance = await world.Admin.PutAsJsonAsync($"{api}/meetings/{meetingId}/attendance",
            new { entries = new[] { new { personId = world.People["欧阳楼长"], present = true } } });
        Assert.True(attendance.IsSuccessStatusCode, await attendance.Content.ReadAsStringAsync());
        var vote = await world.PostAsync($"{api}/meetings/{meetingId}/votes", new { question = "是否同意由物业更换楼道灯" }, System.Net.HttpStatusCode.OK);
        var voteId = (string)vote["vote"]!["id"]!;
        await world.PostAsync($"{api}/meetings/{meetingId}/votes/{voteId}/ballots", new { personId = world.People["欧阳楼长"], choice = "yes" }, System.Net.HttpStatusCode.OK);
        await world.PostAsync($"{api}/meetings/{meetingId}/votes/{voteId}/close", new { }, System.Net.HttpStatusCode.OK);
        await BrowserWorld.UntilAsync(async () => (await world.Admin.GetStringAsync($"/api/instances/{instanceId}")).Contains("\"awaitClose\"", StringComparison.Ordinal),
            "the workflow waiting for the meeting to close");
        await world.PostAsync($"{api}/meetings/{meetingId}/close", new { }, System.Net.HttpStatusCode.OK);

        // 欧阳楼长 objects to the vote's section through the link in the draft's email.
        var link = await mailbox.LinkAsync("ouyang@example.com", "请确认会议纪要");
        var objected = await resident.PostAsync(link, new FormUrlEncodedContent([new("choice", "object-5"), new("comment", "表决时我还说了要先修一楼的灯")]));
        Assert.True(objected.IsSuccessStatusCode, await objected.Content.ReadAsStringAsync());

        // Staff read it on the deliberation page and answer it there.
        var page = await world.NewPageAsync();
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        await page.GotoAsync($"/deliberations/{instanceId}");
        var card = page.GetByTestId("minutes-confirmation");
        await Assertions.Expect(card.GetByTestId("minutes-confirmation-status")).ToHaveTextAsync("确认中");
        await Assertions.Expect(card).ToContainTextAsync("已确认 0 人，提出异议 1 人，未答复 0 人");
        var objection = card.GetByTestId("minutes-objection");
        await Assertions.Expect(objection).ToContainTextAsync("五、表决情况");
        await Assertions.Expect(objection).ToContainTextAsync("表决时我还说了要先修一楼的灯");
        await Assertions.Expect(objection).ToContainTextAsync("待处理");
        await objection.GetByRole(AriaRole.Button, new() { Name = "答复异议" }).ClickAsync();
        await objection.GetByLabel("答复", new() { Exact = true }).FillAsync("一楼的灯已列入责任分工，表决情况按会上记录保留。");
        await objection.GetByRole(AriaRole.Button, new() { Name = "发送答复" }).ClickAsync();
        await Assertions.Expect(objection).ToContainTextAsync("已答复");
        await Assertions.Expect(objection).ToContainTextAsync("一楼的灯已列入责任分工");
        await Assertions.Expect(objection.GetByRole(AriaRole.Button, new() { Name = "答复异议" })).ToHaveCountAsync(0);
        await BrowserWorld.ScreenshotAsync(page, "minutes-confirmation");
        var serious = await AccessibilityTests.SeriousAsync(page, "minutes confirmation", output);
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        // Satisfied, 欧阳楼长 confirms: everyone has, so the minutes are sealed at once; the card offers the PDF and the verification page.
        var confirmed = await resident.PostAsync(link, new FormUrlEncodedContent([new("choice", "confirm")]));
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        await page.ReloadAsync();
        await Assertions.Expect(card.GetByTestId("minutes-confirmation-status")).ToHaveTextAsync("已定稿");
        var sealedBlock = card.GetByTestId("minutes-sealed");
        await Assertions.Expect(sealedBlock).ToContainTextAsync("全体参会人员已确认");
        var pdfHref = await sealedBlock.GetByRole(AriaRole.Link, new() { Name = "下载 PDF 定稿" }).GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(pdfHref!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var verification = await sealedBlock.GetByRole(AriaRole.Link, new() { Name = "公开核验页" }).GetAttributeAsync("href");
        // Read before the context closes: its responses go with it.
        var pdfBytes = await pdf.BodyAsync();
        await page.Context.CloseAsync();

        // Anyone, signed in or not, checks a copy of the PDF on the verification page.
        var visitor = await world.NewPageAsync(390, 844, phone: true);
        await visitor.GotoAsync(new Uri(verification!).PathAndQuery);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("会议纪要核验");
        await visitor.GetByLabel("要核验的文件（纪要 PDF）").SetInputFilesAsync(new FilePayload { Name = "纪要.pdf", MimeType = "application/pdf", Buffer = pdfBytes });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("一致：该文件就是归档的会议纪要");
        await BrowserWorld.ScreenshotAsync(visitor, "minutes-verification");
        await visitor.Context.CloseAsync();
    }
}
