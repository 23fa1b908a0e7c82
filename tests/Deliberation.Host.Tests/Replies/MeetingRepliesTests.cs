using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.EndToEnd;
using Deliberation.Integrations.Mail;
using MimeKit;

namespace Deliberation.Host.Tests.Replies;

/// <summary>
/// A meeting answered by reply (四方联动联席会议, workflows/sifang-lianxi.json): the time poll, the invitation's RSVP and an
/// absent member's vote each invite a reply to their own signed address; a representative answers all three by replying
/// through a real IMAP server (dovecot) — "2", "参加", "1" — while the others answer by link or in the room, and each reply
/// counts as the link would, with channel <c>email-reply</c>. Real SMTP (aiosmtpd), fake time.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class MeetingRepliesTests(SmtpServer smtp, ImapServer imap) : IClassFixture<SmtpServer>, IClassFixture<ImapServer>, IAsyncLifetime
{
    private const string ReplyAddress = "reply@test.local";

    /// <summary>The three parties: organisation, kind, representative, mail box.</summary>
    private static readonly (string Organisation, string Kind, string Representative, string Mail)[] Parties =
    [
        ("文化路社区居委会", "residents-committee", "刘主任", "liu"),
        ("宇辉星城业主委员会", "owners-committee", "周主任", "zhou"),
        ("宇辉物业服务有限公司", "property-company", "赵经理", "zhao"),
    ];

    private CaseStudyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await CaseStudyWorld.StartAsync(smtp, imap.HostSettings(ReplyAddress).ToDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.OrdinalIgnoreCase));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task TimePollInvitationAndVote_AnsweredByReply_CountAsTheLinksWould()
    {
        var w = _world;
        await w.CreateCommunityAsync("文化路社区", ("宇辉星城", "1栋"));
        var roles = new Dictionary<string, string> { ["刘主任"] = "居委会", ["周主任"] = "业委会", ["赵经理"] = "物业" };
        await w.ImportRosterAsync(Parties.Select(p => $",,,,,{p.Representative},{roles[p.Representative]},{w.Email(p.Mail)},"));
        var complaint = await w.PostAsync($"{w.Api}/complaints", new
        {
            categoryCode = "security", title = "宇辉星城消防设施老化，需整体改造", severity = 5, urgency = 4, reporterCount = 9,
            buildingGroupIds = new[] { w.Buildings["宇辉星城1栋"] },
        }, HttpStatusCode.Created);
        var anchored = await w.PostAsync($"{w.Api}/complaints/{(string)complaint["complaint"]!["id"]!}/anchor", new { definitionId = "sifang-lianxi" });
        var instanceId = (string)anchored["instance"]!["instanceId"]!;
        var caseId = (string)(await w.GetAsync($"{w.Api}/cases?caseNumber={(string)anchored["complaint"]!["caseNumber"]!}")).AsArray().Single()!["id"]!;
        foreach (var (organisation, kind, representative, _) in Parties)
        {
            var created = await w.PostAsync($"{w.Api}/organisations", new
            {
                name = organisation, kind,
                contacts = new object[] { new { name = representative, role = "代表", personId = w.People[representative], isRepresentative = true } },
            }, HttpStatusCode.Created);
            await w.PostAsync($"{w.Api}/cases/{caseId}/panel/organisations", new { organisationId = (string)created["id"]! }, HttpStatusCode.Created);
        }

        var beijing = TimeSpan.FromHours(8);
        var start = new DateTimeOffset(w.Now.ToOffset(beijing).Date.AddDays(6).AddHours(19), beijing);
        var meetingId = (string)(await w.PostAsync($"{w.Api}/cases/{caseId}/meetings", new
        {
            name = "四方联动联席会议", place = "宇辉星城四方联动会议室",
            slots = new[] { start.AddDays(-1), start }.Select(s => new { start = s, end = s.AddHours(2) }).ToArray(),
        }, HttpStatusCode.Created))["id"]!;
        var meetingPath = $"{w.Api}/meetings/{meetingId}";
        var zhao = w.Email("zhao");

        // The time poll: 赵经理 replies "2"; the others choose the second time by link too.
        var poll = await w.ReceiveAsync(zhao, "请选择会议时间");
        Assert.Contains("也可以直接回复本邮件，写上您选的选项编号", poll.TextBody, StringComparison.Ordinal);
        await ReplyAsync(poll, zhao, "2");
        Assert.Contains("您的答复：", (await w.ReceiveAsync(zhao, "已记录您的答复")).TextBody, StringComparison.Ordinal);
        using var parties = w.CreateAnonymousClient();
        foreach (var mail in new[] { "liu", "zhou" })
            await EmailedLinks.AnswerFormAsync(parties, EmailedLinks.LinkIn(await w.ReceiveAsync(w.Email(mail), "请选择会议时间")), ("choices", "slot-2"));
        var polled = (await w.GetAsync(meetingPath))["participants"]!.AsArray().Single(p => (string)p!["name"]! == "赵经理")!;
        Assert.Equal(["slot-2"], polled["pollChoices"]!.AsArray().Select(c => (string)c!));

        // The invitation: 赵经理 replies 参加 (its reply address is the RSVP's, not the organiser's); the others accept by link.
        await w.AdvanceToAsync(DateTimeOffset.Parse((string)(await w.GetAsync(meetingPath))["meeting"]!["pollClosesAt"]!, CultureInfo.InvariantCulture));
        var invitation = await w.ReceiveAsync(zhao, "会议通知");
        Assert.Equal(("scheduled", start), ((string)(await w.GetAsync(meetingPath))["meeting"]!["status"]!,
            DateTimeOffset.Parse((string)(await w.GetAsync(meetingPath))["meeting"]!["startsAt"]!, CultureInfo.InvariantCulture)));
        await ReplyAsync(invitation, zhao, "参加");
        foreach (var mail in new[] { "liu", "zhou" })
            await EmailedLinks.AnswerAsync(parties, EmailedLinks.LinksIn(await w.ReceiveAsync(w.Email(mail), "会议通知"))[0], "yes");
        Assert.Equal("yes", (string)(await w.GetAsync(meetingPath))["participants"]!.AsArray().Single(p => (string)p!["name"]! == "赵经理")!["rsvp"]!);

        // At the meeting 赵经理 is absent and votes by replying "1" to the vote's email; the others vote in the room.
        await w.AdvanceToAsync(start.AddMinutes(1));
        var panel = (await w.GetAsync($"{w.Api}/cases/{caseId}/panel"))["members"]!.AsArray();
        await w.PutAsync($"{meetingPath}/attendance", new
        {
            entries = panel.Select(m => new { personId = (string)m!["personId"]!, present = (string)m["name"]! != "赵经理" }).ToArray(),
        });
        var voteId = (string)(await w.PostAsync($"{meetingPath}/votes", new { question = "是否同意动用专项维修资金改造消防设施" }))["vote"]!["id"]!;
        var voteEmail = await w.ReceiveAsync(zhao, "请表决");
        Assert.Contains("1  同意", voteEmail.TextBody, StringComparison.Ordinal);
        await ReplyAsync(voteEmail, zhao, "1");
        foreach (var name in new[] { "刘主任", "周主任" })
            await w.PostAsync($"{meetingPath}/votes/{voteId}/ballots", new { personId = w.People[name], choice = "yes" });
        var closed = await w.PostAsync($"{meetingPath}/votes/{voteId}/close", new { });
        Assert.True((bool)closed["vote"]!["passed"]!);
        var ballot = closed["ballots"]!.AsArray().Single(b => (string)b!["name"]! == "赵经理")!;
        Assert.Equal(("yes", "email-reply"), ((string)ballot["choice"]!, (string)ballot["channel"]!));
    }

    /// <summary>Replies to the email at its own signed Reply-To address, and lets the host read the mailbox.</summary>
    private async Task ReplyAsync(MimeMessage email, string from, string words)
    {
        var replyTo = Assert.Single(email.ReplyTo.Mailboxes).Address;
        Assert.Matches(@"^reply\+[a-z2-7]{42}@test\.local$", replyTo);
        await imap.DeliverAsync(ImapServer.Reply(email, from, replyTo, words, quote: true));
        Assert.Equal(1, await _world.Service<ImapReplyReader>().ReadAsync(CancellationToken.None));
    }
}
