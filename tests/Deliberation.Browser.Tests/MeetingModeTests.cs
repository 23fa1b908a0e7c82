using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Deliberation.Browser.Tests;

/// <summary>
/// Issue 5: meeting mode on a tablet. The host runs on the real clock, so the deliberation reaches a started meeting
/// through the workflow's own timers, shortened through its inputs: the poll closes seconds after planning, the quorum
/// is checked 20 s before a meeting that starts under a minute later, and 2栋's only household (欧阳楼长, who takes part
/// directly) confirms through the link in the invitation email.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MeetingModeTests(BrowserWorld world, ITestOutputHelper output)
{

    [Fact]
    public async Task MeetingMode_RecordsAttendanceAndAVote_ThatTheDeliberationPageThenShows()
    {
        var (instanceId, caseId, meetingId, startsAt) = await ScheduledMeetingAsync();

        var page = await world.NewPageAsync(1024, 768); // a tablet held landscape
        await BrowserWorld.SignInAsync(page, BrowserWorld.StaffEmail);
        // The dashboard told staff when the poll closed (as the email did) until someone marks it read.
        await page.GotoAsync("/");
        var notice = page.GetByTestId("staff-notices").Locator("li").Filter(new() { HasText = "会议时间已确定：2栋门禁协商会" });
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await notice.GetByText("详情").ClickAsync();
        await Assertions.Expect(notice).ToContainTextAsync("时间征询已截止");
        await BrowserWorld.ScreenshotAsync(page, "dashboard-notices");
        await notice.GetByRole(AriaRole.Button, new() { Name = "知道了" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=staff-notices] li").Filter(new() { HasText = "会议时间已确定：2栋门禁协商会" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/deliberations/{instanceId}");
        var meetings = page.GetByRole(AriaRole.Region, new() { Name = "会议", Exact = true });
        await meetings.GetByRole(AriaRole.Link, new() { Name = "进入会议模式" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "会议模式 · 2栋门禁协商会" }).WaitForAsync();
        Assert.EndsWith($"/meetings/{meetingId}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync(new Regex("^(已定时间|会议进行中)$"));
        await Assertions.Expect(page.GetByTestId("quorum")).ToContainTextAsync("应参加表决 1 人，法定人数 1 人，确认参会 1 人，已到会 0 人");

        // A second tablet (the recorder's) has meeting mode open too: it is live, and shows the chair's ticks unasked.
        var recorder = await world.NewPageAsync(1024, 768);
        await BrowserWorld.SignInAsync(recorder, BrowserWorld.StaffEmail);
        await recorder.GotoAsync($"/communities/{world.CommunityId}/meetings/{meetingId}");
        await Assertions.Expect(recorder.GetByTestId("live-state")).ToHaveTextAsync("实时更新中");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveTextAsync("实时更新中");

        // Attendance, by keyboard: the checkbox is reached with Tab and ticked with Space.
        var present = page.GetByRole(AriaRole.Checkbox, new() { Name = "欧阳楼长 到会" });
        await present.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(present).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("quorum")).ToContainTextAsync("已到会 1 人");
        await Assertions.Expect(page.GetByText("到会人数已达法定人数")).ToBeVisibleAsync();
        await Assertions.Expect(recorder.GetByRole(AriaRole.Checkbox, new() { Name = "欧阳楼长 到会" })).ToBeCheckedAsync();
        await Assertions.Expect(recorder.GetByTestId("quorum")).ToContainTextAsync("已到会 1 人");
        await recorder.Context.CloseAsync();

        // A vote opens at the meeting, not before.
        var wait = startsAt + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await page.GetByLabel("表决事项").FillAsync("是否同意更换2栋门禁系统");
        await page.GetByRole(AriaRole.Button, new() { Name = "发起表决" }).ClickAsync();
        var vote = page.GetByTestId("vote");
        await Assertions.Expect(vote.GetByTestId("vote-result")).ToHaveTextAsync("表决中");
        await page.GetByLabel("欧阳楼长的表决意见", new() { Exact = true }).SelectOptionAsync("yes");
        await page.GetByLabel("欧阳楼长的理由", new() { Exact = true }).FillAsync("门禁坏了很久");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录欧阳楼长的表决意见" }).ClickAsync();
        await Assertions.Expect(vote.GetByTestId("tally-counts")).ToContainTextAsync("赞成 1，反对 0，弃权 0");
        await Assertions.Expect(vote.GetByTestId("tally-explanation")).Not.ToBeEmptyAsync();
        await BrowserWorld.ScreenshotAsync(page, "meeting-mode");
        var serious = await AccessibilityTests.SeriousAsync(page, "meeting mode", output);
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        await page.GetByRole(AriaRole.Button, new() { Name = "结束表决并计票" }).ClickAsync();
        await Assertions.Expect(vote.GetByTestId("vote-result")).ToHaveTextAsync("通过");
        var explanation = await vote.GetByTestId("tally-explanation").InnerTextAsync();
        // 责任分工 decided at the meeting (entered where action items are kept), then the meeting closes.
        await world.PostAsync($"/api/communities/{world.CommunityId}/cases/{caseId}/action-items", new
        {
            title = "更换2栋门禁主机", responsibleParty = "物业公司", personId = world.People["欧阳楼长"], dueAt = DateTimeOffset.UtcNow.AddDays(30), meetingId,
        });
        // As a chair would, close once the vote's result is in: the workflow waits for the close again once it has counted the vote.
        await BrowserWorld.UntilAsync(async () => (await world.Admin.GetStringAsync($"/api/instances/{instanceId}")).Contains("\"awaitClose\"", StringComparison.Ordinal),
            "the workflow waiting for the meeting to close");
        // Closing asks first: dismissed, nothing happens; confirmed, the meeting closes.
        string? asked = null;
        void Dismiss(object? _, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
        page.Dialog += Dismiss;
        await page.GetByRole(AriaRole.Button, new() { Name = "结束会议" }).ClickAsync();
        await BrowserWorld.UntilAsync(() => Task.FromResult(asked is not null), "the confirmation before closing the meeting");
        Assert.Contains("确定结束会议吗", asked, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("meeting-status")).Not.ToHaveTextAsync("已结束");
        page.Dialog -= Dismiss;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "结束会议" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("已结束");

        // The deliberation page then shows the attendance and the vote's result.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回议事页面" }).ClickAsync();
        var meeting = page.GetByTestId("meeting");
        await Assertions.Expect(meeting.GetByTestId("meeting-attendance")).ToHaveTextAsync("到会 1 / 1 人：欧阳楼长");
        // The time poll's result (nobody answered: the earliest time was chosen) and the RSVPs.
        await Assertions.Expect(meeting.GetByTestId("meeting-poll").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(meeting.GetByTestId("meeting-poll").Locator("li").First).ToContainTextAsync("0 人可参加 已选定");
        await Assertions.Expect(meeting.GetByTestId("meeting-rsvps")).ToHaveTextAsync("回执：参加 1 人，不参加 0 人，未答复 0 人 · 参加：欧阳楼长");
        var shown = meeting.GetByTestId("meeting-vote");
        await Assertions.Expect(shown).ToContainTextAsync("是否同意更换2栋门禁系统");
        await Assertions.Expect(shown).ToContainTextAsync("通过");
        await Assertions.Expect(shown).ToContainTextAsync(explanation);

        // The workflow files the minutes when the meeting closes: the page lists them, previews the Chinese Markdown, offers the .docx.
        var minutes = page.GetByTestId("minutes");
        await BrowserWorld.UntilAsync(async () =>
        {
            if (await minutes.IsVisibleAsync()) return true;
            await page.ReloadAsync();
            await page.GetByTestId("timeline").WaitForAsync();
            return false;
        }, "the filed minutes listed on the deliberation page", async () => await world.Admin.GetStringAsync($"/api/instances/{instanceId}"));
        var chinese = minutes.Locator("li").First;
        await Assertions.Expect(chinese).ToContainTextAsync("2栋门禁协商会 · 中文");
        await chinese.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(chinese.Locator("pre")).ToContainTextAsync("出席人员：欧阳楼长");
        await Assertions.Expect(chinese.Locator("pre")).ToContainTextAsync("表决结果：通过");
        var docx = await chinese.GetByRole(AriaRole.Link, new() { Name = "下载 .docx" }).GetAttributeAsync("href");
        var download = await page.APIRequest.GetAsync(docx!);
        Assert.Equal(200, download.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Headers["content-type"]);
        await Assertions.Expect(page.GetByTestId("action-items")).ToContainTextAsync("更换2栋门禁主机 · 物业公司");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "更换2栋门禁主机 0%" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".badge.status-Faulted")).ToHaveCountAsync(0);
        // Staff read what happened in plain words; the workflow's journal is not theirs.
        var story = page.GetByTestId("case-story");
        await Assertions.Expect(story).ToContainTextAsync("召开会议“2栋门禁协商会”（西苑活动室），到会 1 人");
        await Assertions.Expect(story).ToContainTextAsync("表决“是否同意更换2栋门禁系统”通过（赞成 1，反对 0）");
        await Assertions.Expect(story).ToContainTextAsync("会议“2栋门禁协商会”纪要已归档并发送");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "流程日志" })).ToHaveCountAsync(0);
        await BrowserWorld.ScreenshotAsync(page, "deliberation-meeting");
        await page.Context.CloseAsync();

        // An administrator sees the journal: its latest rows, in Chinese (no "Done"), and all of them on request.
        var admin = await world.NewPageAsync(1024, 768);
        await BrowserWorld.SignInAsync(admin, BrowserWorld.AdminEmail);
        await admin.GotoAsync($"/deliberations/{instanceId}");
        var journal = admin.GetByRole(AriaRole.Region, new() { Name = "流程日志（技术记录，管理员可见）" });
        await Assertions.Expect(journal.Locator("tbody tr")).ToHaveCountAsync(15);
        await Assertions.Expect(journal.Locator("tbody")).Not.ToContainTextAsync("Done");
        var total = (await world.Admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/journal?take=1000"))!.Count;
        await journal.GetByRole(AriaRole.Button, new() { Name = "显示全部" }).ClickAsync();
        await Assertions.Expect(journal.Locator("tbody tr")).ToHaveCountAsync(total);
        await admin.Context.CloseAsync();
    }

    /// <summary>A deliberation about 2栋 whose meeting is scheduled and about to start: its instance, meeting and start.</summary>
    private async Task<(string InstanceId, string CaseId, string MeetingId, DateTimeOffset StartsAt)> ScheduledMeetingAsync()
    {
        var api = $"/api/communities/{world.CommunityId}";
        var (instanceId, caseId) = await world.DeliberationAwaitingPlanAsync("2栋门禁系统老化", "2栋", "门禁经常失灵",
            new JsonObject { ["quorumCheckBefore"] = "20s", ["meetingReminders"] = "10s" });

        var now = DateTimeOffset.UtcNow;
        var planned = await world.PostAsync($"{api}/cases/{caseId}/meetings", new
        {
            name = "2栋门禁协商会", place = "西苑活动室", agenda = new[] { "门禁更换方案", "表决" }, chair = "李主任", recorder = "小王",
            slots = new[] { new { start = now.AddSeconds(50), end = now.AddHours(1) }, new { start = now.AddHours(3), end = now.AddHours(4) } },
            pollClosesAt = now.AddSeconds(8),
        });
        var meetingId = (string)planned["id"]!;

        // The poll closes unanswered (the earliest time wins); 欧阳楼长 confirms through the invitation's link.
        var link = await InvitationLinkAsync("ouyang@example.com");
        using (var resident = new HttpClient { BaseAddress = world.Host.Address })
        {
            var answered = await resident.PostAsync(link, new FormUrlEncodedContent([new KeyValuePair<string, string>("choice", "yes")]));
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }
        var view = await world.Admin.GetFromJsonAsync<JsonObject>($"{api}/meetings/{meetingId}");
        Assert.Equal("scheduled", (string)view!["meeting"]!["status"]!);
        var startsAt = DateTimeOffset.Parse((string)view["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture);
        return (instanceId, caseId, meetingId, startsAt);
    }

    /// <summary>The RSVP link (the first answer link) of the newest invitation to the address, from the mail pickup folder.</summary>
    // By the meeting's name: other tests of the same world invite the same people to their own meetings.
    private Task<string> InvitationLinkAsync(string address) => new Mailbox(world).LinkAsync(address, "会议通知：2栋门禁协商会");
}
