using Deliberation.Civic.Printing;
using PdfSharp.Pdf;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// The sealed minutes as an A4 PDF in Chinese: the minutes as the template wrote them (title, <c>## </c> sections,
/// bullets, paragraphs), then 纪要确认情况, the signatures block (主持人, 记录人, each participant) and how to verify the
/// file, with the QR code of the public verification page at the top of the first page and the case number and page
/// number on every page. Margins as GB/T 9704 sets them for official documents.
/// </summary>
public static class MinutesPdf
{
    // 28, 26, 37 and 35 mm.
    private static readonly PdfMargins Margins = new(79.4, 73.7, 104.9, 99.2);

    /// <summary>Renders the PDF.</summary>
    /// <exception cref="Engine.Runtime.ActivityFaultException">No Chinese font is installed (<see cref="ChineseFont"/>).</exception>
    public static byte[] Render(SealedMinutesContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ChineseFont.EnsureRegistered();
        var document = new PdfDocument();
        var lines = content.Markdown.ReplaceLineEndings("\n").Split('\n');
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal)) is { } t ? MarkdownText.Unescape(t[2..].Trim()) : "会议纪要";
        document.Info.Title = title;
        document.Info.Subject = content.CaseNumber;
        document.Info.Creator = "Deliberation 社区议事";
        document.Info.CreationDate = content.SealedAt.UtcDateTime;
        document.Info.ModificationDate = content.SealedAt.UtcDateTime;

        var pages = new PdfPageWriter(document, Margins);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0) continue;
            if (line.StartsWith("# ", StringComparison.Ordinal)) pages.Title(MarkdownText.Unescape(line[2..].Trim()));
            else if (line.StartsWith("## ", StringComparison.Ordinal)) pages.Heading(MarkdownText.Unescape(line[3..].Trim()));
            else if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                var depth = (line.Length - line.TrimStart().Length) / 2;
                pages.Bullet(MarkdownText.Unescape(line.TrimStart()[2..]), depth);
            }
            else pages.Paragraph(MarkdownText.Unescape(line), indentFirst: true);
        }

        pages.Heading("纪要确认情况");
        foreach (var line in content.Confirmation) pages.Bullet(line, 0);

        pages.KeepSignaturesTogether(content.Participants.Count + 3);
        pages.Heading("签字");
        pages.SignatureLine("主持人（签字）", content.Chair);
        pages.SignatureLine("记录人（签字）", content.Recorder);
        pages.Paragraph("参会人员（签字）：", indentFirst: false);
        foreach (var name in content.Participants) pages.SignatureLine(name, null);

        pages.Heading("定稿与核验");
        pages.Paragraph($"本纪要于{BeijingTime.FormatChinese(content.SealedAt)}（北京时间）确认定稿并归档，定稿后不再修改。", indentFirst: true);
        pages.Paragraph("核验方法：扫描首页右上角的二维码，或打开下面的网址，上传本文件，即可核对其 SHA-256 校验值是否与归档记录一致；"
            + "文件有任何改动（哪怕一个字节），校验值都会不同。", indentFirst: true);
        pages.Paragraph(content.VerificationUrl, indentFirst: false);
        pages.Finish($"案件编号 {content.CaseNumber}", content.VerificationUrl, "扫码核验本纪要");

        return pages.Save();
    }
}
