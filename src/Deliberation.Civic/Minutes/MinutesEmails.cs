using System.Text.Encodings.Web;
using System.Text.Unicode;
using Deliberation.Civic.Meetings;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Minutes;

/// <summary>The Chinese emails of minutes confirmation: the draft to confirm, an objection dealt with, and the sealed minutes.</summary>
public static class MinutesEmails
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The draft to a participant, with their link to confirm it or object to a section, and the deadline.</summary>
    public static EmailMessage ConfirmationRequest(string to, string name, Meeting meeting, string caseNumber, string markdown, DateTimeOffset closesAt, string link)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var body = $"""
            {Letters.Greeting(name)}

            “{meeting.Name}”的会议纪要草稿（案件编号 {caseNumber}）已整理好，全文附后。请在{BeijingTime.FormatChinese(closesAt)}（北京时间）前点击下面的链接确认；如某一节与会议情况不符，请在链接中选择该节并写明理由，工作人员会修改或答复。

            {link}

            期满未答复的视为无异议，纪要随即定稿归档。此链接只供您本人使用，请勿转发。

            ----------------------------------------
            {MarkdownText.Unescape(markdown)}
            ----------------------------------------

            {Letters.Signature}
            """;
        return new EmailMessage([to], $"请确认会议纪要：{meeting.Name}", body) { LinkLabels = Letters.Buttons((link, "确认纪要或提出异议")) };
    }

    /// <summary>To the participant who objected: staff accepted the objection (the section changed) or answered it.</summary>
    public static EmailMessage ObjectionResolved(string to, string name, Meeting meeting, MinutesObjection objection, DateTimeOffset closesAt, string link)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(objection);
        var outcome = objection.Status == MinutesObjectionStatuses.Accepted
            ? "工作人员已采纳您的意见，修改了该节。" + (objection.Response is { } note ? $"说明：{note}" : "")
            : $"工作人员的答复：{objection.Response}";
        var body = $"""
            {Letters.Greeting(name)}

            您对“{meeting.Name}”会议纪要“{objection.Section}”一节提出的异议已处理。

            您的理由：{objection.Reason}
            {outcome}

            请在{BeijingTime.FormatChinese(closesAt)}（北京时间）前通过下面的链接查看纪要现在的内容，并确认或继续提出异议：

            {link}

            {Letters.Signature}
            """;
        return new EmailMessage([to], $"您对会议纪要的异议已处理：{meeting.Name}", body) { LinkLabels = Letters.Buttons((link, "查看并确认纪要")) };
    }

    /// <summary>The sealed minutes to every participant: the text, the PDF as filed and the .docx, and how to verify the PDF.</summary>
    public static EmailMessage Sealed(string to, string name, Meeting meeting, string caseNumber, string markdown, byte[] docx, byte[] pdf, string verificationUrl)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var intro = $"“{meeting.Name}”的会议纪要已定稿归档（案件编号 {caseNumber}），全文如下；附件为归档的 PDF 定稿和 Word 版。"
            + $"扫描 PDF 首页的二维码或打开 {verificationUrl}，上传 PDF 即可核验它与归档记录是否一致。";
        var body = $"""
            {Letters.Greeting(name)}

            {intro}

            ----------------------------------------
            {MarkdownText.Unescape(markdown)}
            ----------------------------------------

            {Letters.Signature}
            """;
        var html = MeetingEmails.MinutesHtml(markdown).Replace("<body>",
            $"<body><p>{Encoder.Encode(Letters.Greeting(name))}</p><p>{Encoder.Encode(intro)}</p><hr>", StringComparison.Ordinal)
            .Replace("</body>", $"<hr><p>{Encoder.Encode(Letters.Signature)}</p></body>", StringComparison.Ordinal);
        return new EmailMessage([to], $"会议纪要（定稿）：{meeting.Name}", body)
        {
            HtmlBody = html,
            Attachments =
            [
                new EmailAttachment($"{caseNumber}-会议纪要.pdf", "application/pdf", Convert.ToBase64String(pdf)),
                new EmailAttachment($"{caseNumber}-会议纪要.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Convert.ToBase64String(docx)),
            ],
        };
    }
}
