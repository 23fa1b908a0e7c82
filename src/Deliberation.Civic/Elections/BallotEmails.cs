using System.Globalization;
using Deliberation.Civic.Replies;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Elections;

/// <summary>The Chinese emails of an election: the ballot link, and the reminder to those who have not voted.</summary>
public static class BallotEmails
{
    /// <summary>A time as residents read it, in Beijing time, e.g. 2026年12月1日 18:00.</summary>
    public static string BeijingTime(DateTimeOffset at) =>
        Deliberation.Civic.BeijingTime.ToBeijing(at).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The email carrying a voter's ballot link.</summary>
    /// <param name="to">The voter's address.</param>
    /// <param name="name">The voter's name.</param>
    /// <param name="ballotTitle">What is elected, e.g. 推选5栋楼栋代表(5栋电梯改造).</param>
    /// <param name="election">The election (deadline, seats, counting method).</param>
    /// <param name="link">The signed answer-page link.</param>
    /// <param name="reminder">True for the reminder to a voter who has not voted.</param>
    /// <param name="reply">The signed reply address and its lines, when the ballot can be cast by reply.</param>
    public static EmailMessage Compose(string to, string name, string ballotTitle, Election election, string link, bool reminder, ReplyInvite? reply = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        var deadline = BeijingTime(election.BallotClosesAt);
        var subject = reminder ? $"提醒：请在{deadline}前投票——{ballotTitle}" : $"请投票：{ballotTitle}";
        var opening = reminder
            ? $"您还没有投票。投票将于{deadline}（北京时间）截止，请尽快点击下面的链接投票："
            : $"社区正在{ballotTitle}，选出{election.Seats}名。请在{deadline}（北京时间）前点击下面的链接投票：";
        var body = $"""
            {Letters.Greeting(name)}

            {opening}

            {link}
            {ReplyInvite.Paragraph(reply)}
            计票方法：{CountingMethods.Describe(election.CountingMethod, election.Layer, election.Seats)}。截止前可以修改您的选择，以截止时的选择为准。
            打开链接不会记录任何内容，提交表单后才记录投票。此链接只供您本人使用，请勿转发。
            如不便上网，可以请楼长代为填写纸质选票。

            {Letters.Signature}
            """;
        return new EmailMessage([to], subject, body) { LinkLabels = Letters.Buttons((link, "投票")), ReplyTo = reply?.Address };
    }
}
