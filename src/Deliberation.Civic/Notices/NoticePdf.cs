using Deliberation.Civic.Printing;
using PdfSharp.Pdf;

namespace Deliberation.Civic.Notices;

/// <summary>
/// A public notice (公示) as an A4 PDF in Chinese for the notice board: its title, its text, when it was posted and until
/// when it runs, and the QR code of its public page — at the top right and again, larger, with how to comment, at the end.
/// </summary>
public static class NoticePdf
{
    // 25 mm each side, 30 mm at the top (the QR code sits there) and 25 at the bottom.
    private static readonly PdfMargins Margins = new(70.9, 70.9, 105, 70.9);

    /// <summary>Renders the PDF.</summary>
    /// <exception cref="Engine.Runtime.ActivityFaultException">No Chinese font is installed (<see cref="ChineseFont"/>).</exception>
    public static byte[] Render(PostedNotice notice, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrEmpty(publicUrl);
        ChineseFont.EnsureRegistered();
        var document = new PdfDocument();
        document.Info.Title = notice.Title;
        document.Info.Subject = notice.CaseNumber;
        document.Info.Creator = "Deliberation 社区议事";
        document.Info.CreationDate = notice.PostedAt.UtcDateTime;
        document.Info.ModificationDate = notice.PostedAt.UtcDateTime;

        var pages = new PdfPageWriter(document, Margins);
        pages.Title(notice.Title);
        foreach (var raw in notice.Text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0) continue;
            if (line.StartsWith("· ", StringComparison.Ordinal)) pages.Bullet(line[2..], 0);
            else pages.Paragraph(line, indentFirst: false);
        }
        pages.Paragraph($"公示时间：{BeijingTime.FormatChinese(notice.PostedAt)}" +
            (notice.CommentsCloseAt is { } closes ? $" 至 {BeijingTime.FormatChinese(closes)}（北京时间）" : "（北京时间）"), indentFirst: false);
        pages.QrCodeBlock(publicUrl, 110,
        [
            "手机扫码查看本公示全文。",
            notice.CommentsCloseAt is null ? "如有意见，请联系楼长或社区居委会。" : "公示期内可扫码留言或提出异议（可不留姓名，电话选填），社区工作人员审核后公开并答复。",
            publicUrl,
        ]);
        pages.Finish($"案件编号 {notice.CaseNumber}", null, "");
        return pages.Save();
    }
}
