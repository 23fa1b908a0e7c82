using Markdig;
using System.Text;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Replies;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Meetings;

/// <summary>The Chinese emails of a meeting: time poll, invitation (with .ics), reminder, cancellation, vote by link and minutes.</summary>
public static class MeetingEmails
{
    private const string Signature = Letters.Signature;

    /// <summary>Asks a panel member which candidate times suit them.</summary>
    /// <param name="to">The address.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="meeting">The meeting.</param>
    /// <param name="slots">The candidate times, in the poll's order.</param>
    /// <param name="link">The member's poll link.</param>
    /// <param name="reply">The signed reply address and its lines, when the poll can be answered by reply.</param>
    public static EmailMessage TimePoll(string to, string name, Meeting meeting, IReadOnlyList<MeetingSlot> slots, string link, ReplyInvite? reply = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(slots);
        var options = new StringBuilder();
        for (var i = 0; i < slots.Count; i++) options.Append("  ").Append(i + 1).Append(". ").Append(slots[i].ToChinese()).Append('\n');
        var body = $"""
            {Letters.Greeting(name)}

            社区将召开“{meeting.Name}”，地点：{meeting.Place}。请在{BeijingTime.FormatChinese(meeting.PollClosesAt)}（北京时间）前点击下面的链接，勾选您能参加的所有时间：

            {options}
            {link}
            {ReplyInvite.Paragraph(reply)}
            以多数人能参加的时间为准，确定后会再发邀请。截止前可以修改您的选择。此链接只供您本人使用，请勿转发。

            {Signature}
            """;
        return new EmailMessage([to], $"请选择会议时间：{meeting.Name}", body) { LinkLabels = Letters.Buttons((link, "选择能参加的时间")), ReplyTo = reply?.Address };
    }

    /// <summary>The invitation for the chosen time, with the .ics attached, the agenda, and the RSVP and proposal links.</summary>
    /// <param name="to">The address.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="meeting">The meeting, at its chosen time.</param>
    /// <param name="agenda">The agenda items.</param>
    /// <param name="rsvpLink">The member's RSVP link.</param>
    /// <param name="proposalLink">The member's link to send a proposal before the meeting, or null.</param>
    /// <param name="advisor">Whether the member attends as an advisor who does not vote.</param>
    /// <param name="calendar">The <c>invite.ics</c> text.</param>
    /// <param name="reply">The RSVP's signed reply address and its lines, when it can be answered by reply.</param>
    public static EmailMessage Invitation(string to, string name, Meeting meeting, IReadOnlyList<string> agenda, string rsvpLink, string? proposalLink,
        bool advisor, string calendar, ReplyInvite? reply = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(agenda);
        var when = new MeetingSlot(meeting.StartsAt!.Value, meeting.EndsAt!.Value).ToChinese();
        var items = agenda.Count == 0 ? "  （无）\n" : string.Concat(agenda.Select((a, i) => $"  {i + 1}. {a}\n"));
        var role = advisor ? "您将以专业人士身份列席会议，提供意见（不参加表决）。" : "";
        var proposal = proposalLink is null ? "" : $"""

            会前如有提案，请在会议开始前通过下面的链接提交：
            {proposalLink}

            """;
        var body = $"""
            {Letters.Greeting(name)}

            “{meeting.Name}”定于 {when}（北京时间）在{meeting.Place}召开。{role}

            议程：
            {items}
            请点击下面的链接告诉我们您是否参加（会议开始前都可以修改）：
            {rsvpLink}
            {ReplyInvite.Paragraph(reply)}{proposal}
            附件 invite.ics 可加入手机或电脑日历。

            {Signature}
            """;
        return new EmailMessage([to], $"会议通知：{meeting.Name}（{when}）", body)
        {
            LinkLabels = Letters.Buttons((rsvpLink, "回复是否参加"), (proposalLink, "提交提案")),
            Attachments = [EmailAttachment.FromText(MeetingInvitation.FileName, MeetingInvitation.ContentType, calendar)],
            ReplyTo = reply?.Address,
        };
    }

    /// <summary>A reminder before the meeting.</summary>
    public static EmailMessage Reminder(string to, string name, Meeting meeting, TimeSpan before, string? rsvpLink)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var when = new MeetingSlot(meeting.StartsAt!.Value, meeting.EndsAt!.Value).ToChinese();
        var lead = before.TotalHours >= 1 && before.TotalHours % 1 == 0 ? $"{before.TotalHours:0}小时" : $"{before.TotalMinutes:0}分钟";
        var rsvp = rsvpLink is null ? "" : $"\n如参加情况有变，请点击链接修改：\n{rsvpLink}\n";
        var body = $"""
            {Letters.Greeting(name)}

            提醒您：“{meeting.Name}”将于 {when}（北京时间）在{meeting.Place}召开（约{lead}后）。
            {rsvp}
            {Signature}
            """;
        return new EmailMessage([to], $"会议提醒：{meeting.Name}（{when}）", body) { LinkLabels = Letters.Buttons((rsvpLink, "修改参会回执")) };
    }

    /// <summary>The meeting is called off; a new time will be polled.</summary>
    public static EmailMessage Cancellation(string to, string name, Meeting meeting, string reason)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var when = meeting.StartsAt is { } s ? new MeetingSlot(s, meeting.EndsAt!.Value).ToChinese() : "";
        var body = $"""
            {Letters.Greeting(name)}

            原定于 {when} 召开的“{meeting.Name}”取消。原因：{reason}
            社区将另行征询会议时间，请留意后续邮件。

            {Signature}
            """;
        return new EmailMessage([to], $"会议取消：{meeting.Name}", body);
    }

    /// <summary>Asks an absent voter to vote by link while the meeting's vote is open.</summary>
    /// <param name="to">The address.</param>
    /// <param name="name">The voter's name.</param>
    /// <param name="meeting">The meeting.</param>
    /// <param name="vote">The open vote.</param>
    /// <param name="link">The voter's link.</param>
    /// <param name="reply">The signed reply address and its lines, when the vote can be cast by reply.</param>
    public static EmailMessage VoteByLink(string to, string name, Meeting meeting, MeetingVote vote, string link, ReplyInvite? reply = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(vote);
        var body = $"""
            {Letters.Greeting(name)}

            “{meeting.Name}”正在表决：{vote.Question}
            您未到会，可以在表决结束前点击下面的链接投票（同意、反对或弃权；反对时请写明理由）：

            {link}
            {ReplyInvite.Paragraph(reply)}
            表决由会议主持人宣布结束，结束后不再计票。此链接只供您本人使用，请勿转发。

            {Signature}
            """;
        return new EmailMessage([to], $"请表决：{vote.Question}", body) { LinkLabels = Letters.Buttons((link, "表决")), ReplyTo = reply?.Address };
    }

    private static readonly Markdig.MarkdownPipeline HtmlPipeline = new Markdig.MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>
    /// The minutes as an HTML page for mail readers. Raw HTML in the Markdown (a proposal titled
    /// <c>&lt;script&gt;…</c>) is written as text, never as markup.
    /// </summary>
    public static string MinutesHtml(string markdown) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body>" + Markdig.Markdown.ToHtml(markdown, HtmlPipeline) + "</body></html>";

    /// <summary>The filed minutes, to every participant, with the .docx attached.</summary>
    public static EmailMessage Minutes(string to, string name, Meeting meeting, string caseNumber, string markdown, byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var body = $"""
            {Letters.Greeting(name)}

            “{meeting.Name}”的会议纪要已归档（案件编号 {caseNumber}），全文如下，Word 版见附件。如有出入，请联系社区居委会。

            ----------------------------------------
            {MarkdownText.Unescape(markdown)}
            ----------------------------------------

            {Signature}
            """;
        return new EmailMessage([to], $"会议纪要：{meeting.Name}", body)
        {
            HtmlBody = MinutesHtml(markdown),
            Attachments = [new EmailAttachment($"{caseNumber}-会议纪要.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Convert.ToBase64String(docx))],
        };
    }
}
