using Deliberation.Civic.Participation;
using Deliberation.Civic.Printing;
using PdfSharp.Pdf;

namespace Deliberation.Civic.Paper;

/// <summary>
/// Paper answer sheets as one A4 PDF, one page per household: the question, the options to tick, room to write, the
/// deadline, the household's own QR code (its signed answer link, to answer on a phone instead) and a line to sign.
/// </summary>
public static class PaperSheetPdf
{
    private static readonly PdfMargins Margins = new(70.9, 70.9, 70.9, 60);

    /// <summary>Renders the sheets.</summary>
    /// <exception cref="Engine.Runtime.ActivityFaultException">No Chinese font is installed (<see cref="ChineseFont"/>).</exception>
    public static byte[] Render(string communityName, IReadOnlyList<PaperSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ChineseFont.EnsureRegistered();
        var document = new PdfDocument();
        document.Info.Title = sheets.Count > 0 ? $"纸质答复单：{sheets[0].Task.Title}" : "纸质答复单";
        document.Info.Creator = "Deliberation 社区议事";
        var pages = new PdfPageWriter(document, Margins);
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            if (i > 0) pages.NewPage();
            var form = TaskForm.Parse(sheet.Task.Data);
            pages.Title($"{communityName}纸质答复单");
            pages.Paragraph($"住户：{sheet.Household}　答复人：{sheet.PersonName}", indentFirst: false);
            pages.Paragraph($"编号：{sheet.HouseholdId:N}", indentFirst: false);
            pages.Heading(sheet.Task.Title);
            if (!string.IsNullOrWhiteSpace(form.Description)) pages.Paragraph(form.Description, indentFirst: true);
            if (form.Options.Count > 0)
            {
                pages.Paragraph(form.Multiple
                    ? form.MaxChoices is { } max ? $"请在选项前的方框内打“√”（可多选，最多 {max} 项）：" : "请在选项前的方框内打“√”（可多选）："
                    : "请在一个选项前的方框内打“√”（单选）：", indentFirst: false);
                foreach (var option in form.Options) pages.CheckBox(option.Label);
            }
            if (form.AllowComment || form.CommentRequired)
            {
                pages.Paragraph(form.CommentRequired ? "请写下您的意见：" : "意见或理由（选填）：", indentFirst: false);
                pages.WritingLines(3);
            }
            if (sheet.Task.ClosesAt is { } closes)
                pages.Paragraph($"请于{BeijingTime.FormatChinese(closes)}（北京时间）前交回楼长；截止后不再录入。", indentFirst: false);
            pages.QrCodeBlock(sheet.Link, 100,
            [
                "也可以用手机扫码在线作答（本户专用，请勿转发）。",
                "在线作答后，纸质答复单不再录入；以您本人在线的答复为准。",
            ]);
            pages.SignatureLine("户代表（签字）", null);
        }
        pages.Finish(sheets.Count > 0 ? $"纸质答复单 · {sheets[0].Task.Title}" : "纸质答复单", null, "");
        return pages.Save();
    }
}
