using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Elections;

/// <summary>The Chinese email that invites a voter to nominate, sent when an election's nominations open.</summary>
public static class NominationEmails
{
    /// <summary>The subject's prefix, so that residents tell the invitation to nominate from the ballot.</summary>
    public const string SubjectPrefix = "【提名】";

    /// <summary>The email carrying a voter's nomination link.</summary>
    /// <param name="to">The voter's address.</param>
    /// <param name="name">The voter's name.</param>
    /// <param name="electionTitle">What is elected, e.g. 推选5栋的楼栋代表(5栋电梯改造).</param>
    /// <param name="election">The election (seats, nomination deadline, layer).</param>
    /// <param name="link">The signed answer-page link.</param>
    /// <param name="reopened">True when nominations reopen because nobody was nominated in the last window.</param>
    public static EmailMessage Compose(string to, string name, string electionTitle, Election election, string link, bool reopened = false)
    {
        ArgumentNullException.ThrowIfNull(election);
        var deadline = BallotEmails.BeijingTime(election.NominationsCloseAt);
        var role = election.ElectsRepresentatives
            ? "当选的利益代表将代表大家参加“烦事有计倾”议事会议，与律师、会计师等一起商量解决办法。"
            : "当选的楼栋代表将与其他楼栋的代表一起，再推选参加“烦事有计倾”议事会议的利益代表。";
        var neighbours = election.Layer == 1 ? "本楼栋的邻居" : "其他楼栋代表";
        var body = $"""
            {Letters.Greeting(name)}

            社区正在{electionTitle}，共选出{election.Seats}名。{role}

            {(reopened ? "上一轮提名期内无人被提名，社区重新开放提名。" : "现在开始提名：")}您可以提名自己，也可以提名{neighbours}，最多{election.Seats}人。提名将于{deadline}（北京时间）截止，截止前可以修改。请点击下面的链接提名：

            {link}

            提名截止后，社区会向每位投票人发出选票，从被提名的候选人中投票选出。
            打开链接不会记录任何内容，提交表单后才记录提名。此链接只供您本人使用，请勿转发。
            如不便上网，可以请楼长代为提名。

            {Letters.Signature}
            """;
        return new EmailMessage([to], SubjectPrefix + (reopened ? "重新开放：" : "") + electionTitle, body) { LinkLabels = Letters.Buttons((link, "提名")) };
    }
}
