using Deliberation.Civic;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Tests.Communities;

/// <summary>Every email of the committee opens with one greeting and closes with one signature, and names its button.</summary>
public sealed class LettersTests
{
    private const string Link = "https://yishi.example.cn/t/token-1";
    private const string Other = "https://yishi.example.cn/t/token-2";
    private static readonly DateTimeOffset At = new(2026, 12, 8, 11, 0, 0, TimeSpan.Zero);

    private static readonly Meeting Meeting = new()
    {
        Name = "5栋电梯协商会", Place = "社区活动室", PollClosesAt = At, StartsAt = At.AddDays(2), EndsAt = At.AddDays(2).AddHours(1),
    };

    private static readonly Election Election = new() { Seats = 2, BallotClosesAt = At, NominationsCloseAt = At };
    private static readonly ActionItem Item = new() { Title = "更换控制柜", ResponsibleParty = "物业公司", DueAt = At.AddDays(30), Percent = 20 };

    /// <summary>Each email a person receives with a link, with the words its button should carry.</summary>
    public static TheoryData<string, string> Emails => new()
    {
        { "time poll", "选择能参加的时间" }, { "invitation", "回复是否参加" }, { "meeting reminder", "修改参会回执" }, { "vote by link", "表决" },
        { "ballot", "投票" }, { "ballot reminder", "投票" }, { "nomination", "提名" }, { "new link", "打开答复页面" },
        { "action item", "汇报进展" }, { "action item reminder", "汇报进展" }, { "follow-up", "评价落实效果" },
    };

    private static EmailMessage Compose(string kind) => kind switch
    {
        "time poll" => MeetingEmails.TimePoll("a@example.com", "王芳", Meeting, [new MeetingSlot(At.AddDays(2), At.AddDays(2).AddHours(1))], Link),
        "invitation" => MeetingEmails.Invitation("a@example.com", "王芳", Meeting, ["电梯维修方案"], Link, Other, advisor: false, calendar: "BEGIN:VCALENDAR"),
        "meeting reminder" => MeetingEmails.Reminder("a@example.com", "王芳", Meeting, TimeSpan.FromHours(2), Link),
        "vote by link" => MeetingEmails.VoteByLink("a@example.com", "王芳", Meeting, new MeetingVote { Question = "是否更换控制柜" }, Link),
        "ballot" => BallotEmails.Compose("a@example.com", "王芳", "推选5栋代表", Election, Link, reminder: false),
        "ballot reminder" => BallotEmails.Compose("a@example.com", "王芳", "推选5栋代表", Election, Link, reminder: true),
        "nomination" => NominationEmails.Compose("a@example.com", "王芳", "推选5栋代表", Election, Link),
        "new link" => ReissuedLinkEmail.Compose(new ParticipationTask { Title = "推选5栋代表", ClosesAt = At }, "a@example.com", Link, "王芳"),
        "action item" => ImplementationEmails.Assignment("a@example.com", "王芳", "DALONG-2026-001 5栋电梯", Item, Link),
        "action item reminder" => ImplementationEmails.Reminder("a@example.com", "王芳", "DALONG-2026-001 5栋电梯", Item, Link),
        "follow-up" => ImplementationEmails.FollowUp("a@example.com", "王芳", "DALONG-2026-001 5栋电梯", ["物业公司：更换控制柜"], At, Link),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Emails))]
    public void Email_GreetsByName_SignsAsTheCommittee_AndNamesItsButton(string kind, string button)
    {
        var email = Compose(kind);

        Assert.StartsWith("王芳您好：\n\n", email.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + Letters.Signature, email.Body.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(button, email.LinkLabels![Link]);
        Assert.Contains($">{button}</a>", email.HtmlOrFromText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_NamesBothButtons_AndMeetingEmailsWithoutLinksGreetAndSignAlike()
    {
        Assert.Equal("提交提案", Compose("invitation").LinkLabels![Other]);
        var cancelled = MeetingEmails.Cancellation("a@example.com", "王芳", Meeting, "未达法定人数");
        Assert.StartsWith("王芳您好：", cancelled.Body, StringComparison.Ordinal);
        Assert.EndsWith(Letters.Signature, cancelled.Body.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void EscalationEmail_ToAnAddressWithoutAName_GreetsPlainly_AndSignsAlike()
    {
        var escalation = new Escalation { Kind = EscalationKinds.QuorumNotReached, Subject = "议事会未达法定人数", Body = "请协调。", RaisedAt = At };
        var email = EscalationEmail.Compose("jiedao@example.gov.cn", "大龙社区", null, escalation);

        Assert.StartsWith("您好：\n\n", email.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + Letters.Signature, email.Body.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("王楼长您好：\n\n", Deliberation.Civic.Communities.BuildingHeads.Greeting("王楼长"));
        Assert.Equal("张三您好：", Letters.Greeting(" 张三 "));
        Assert.Equal("您好：", Letters.Greeting(" "));
    }
}
