using Deliberation.Civic.Printing;
using PdfSharp.Drawing;
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
    private const double Left = 79.4, Right = 73.7, Top = 104.9, Bottom = 99.2; // 28, 26, 37 and 35 mm
    private const double QrSize = 70;

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

        var pages = new PageWriter(document);
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
        pages.Finish(content.CaseNumber, content.VerificationUrl);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Lays text out page by page, wrapping at any character (Chinese has no spaces) and never starting a line with closing punctuation.</summary>
    private sealed class PageWriter
    {
        private const string NoLineStart = "，。、；：！？）》」』”’…%,.;:!?)";
        private readonly PdfDocument _document;
        private readonly XFont _body = new(ChineseFont.Family, 12, XFontStyleEx.Regular);
        private readonly XFont _heading = new(ChineseFont.Family, 14, XFontStyleEx.Bold);
        private readonly XFont _title = new(ChineseFont.Family, 18, XFontStyleEx.Bold);
        private readonly Dictionary<(XFont, char), double> _widths = [];
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public PageWriter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        private double Width => _page!.Width.Point - Left - Right;

        private double BottomEdge => _page!.Height.Point - Bottom;

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Top;
        }

        private void Room(double height)
        {
            if (_y + height > BottomEdge) NewPage();
        }

        public void Title(string text)
        {
            foreach (var line in Wrap(text, _title, Width))
            {
                Room(_title.Size * 1.8);
                var width = Measure(line, _title);
                _graphics!.DrawString(line, _title, XBrushes.Black, Left + (Width - width) / 2, _y + _title.Size);
                _y += _title.Size * 1.8;
            }
            _y += 6;
        }

        public void Heading(string text)
        {
            // A heading keeps with the first lines under it.
            Room(_heading.Size * 1.8 + _body.Size * 3.2);
            _y += 6;
            foreach (var line in Wrap(text, _heading, Width))
            {
                _graphics!.DrawString(line, _heading, XBrushes.Black, Left, _y + _heading.Size);
                _y += _heading.Size * 1.8;
            }
        }

        public void Paragraph(string text, bool indentFirst)
        {
            var indent = indentFirst ? 2 * _body.Size : 0;
            var first = true;
            foreach (var line in Wrap(text, _body, Width, indent))
            {
                Room(_body.Size * 1.6);
                _graphics!.DrawString(line, _body, XBrushes.Black, Left + (first ? indent : 0), _y + _body.Size);
                _y += _body.Size * 1.6;
                first = false;
            }
        }

        public void Bullet(string text, int depth)
        {
            var hang = _body.Size * 1.5;
            var x = Left + depth * _body.Size * 2;
            var first = true;
            foreach (var line in Wrap(text, _body, Width - (x - Left) - hang))
            {
                Room(_body.Size * 1.6);
                // Drawn, not typed: a CJK font need not have the bullet character.
                if (first) Dot(x + 4, _y + _body.Size * 0.62, depth == 0);
                _graphics!.DrawString(line, _body, XBrushes.Black, x + hang, _y + _body.Size);
                _y += _body.Size * 1.6;
                first = false;
            }
        }

        private void Dot(double x, double y, bool filled)
        {
            const double r = 2.2;
            if (filled) _graphics!.DrawEllipse(XBrushes.Black, x, y - r, 2 * r, 2 * r);
            else _graphics!.DrawEllipse(new XPen(XColors.Black, 0.6), x, y - r, 2 * r, 2 * r);
        }

        /// <summary>Starts a new page unless <paramref name="lines"/> signature lines (and a heading) fit on this one: a signatures block is not split when it fits on a page.</summary>
        public void KeepSignaturesTogether(int lines)
        {
            var height = _heading.Size * 2.4 + lines * _body.Size * 2.6;
            if (height < BottomEdge - Top) Room(height);
        }

        /// <summary>A line to sign on: the role or name, a rule, the date.</summary>
        public void SignatureLine(string who, string? name)
        {
            Room(_body.Size * 2.6);
            _y += _body.Size * 0.8;
            var label = name is { Length: > 0 } ? $"{who}：（{name}）" : $"{who}：";
            _graphics!.DrawString(label, _body, XBrushes.Black, Left, _y + _body.Size);
            var start = Left + Math.Min(Measure(label, _body) + 8, Width * 0.55);
            var pen = new XPen(XColors.Black, 0.6);
            var dateLabel = "日期：";
            var dateX = Left + Width - 130;
            _graphics.DrawLine(pen, start, _y + _body.Size + 2, Math.Max(start + 40, dateX - 12), _y + _body.Size + 2);
            _graphics.DrawString(dateLabel, _body, XBrushes.Black, dateX, _y + _body.Size);
            _graphics.DrawLine(pen, dateX + Measure(dateLabel, _body) + 2, _y + _body.Size + 2, Left + Width, _y + _body.Size + 2);
            _y += _body.Size * 1.8;
        }

        /// <summary>The QR code on the first page and the footer on every page.</summary>
        public void Finish(string caseNumber, string verificationUrl)
        {
            _graphics?.Dispose();
            _graphics = null;
            var small = new XFont(ChineseFont.Family, 8, XFontStyleEx.Regular);
            var footer = new XFont(ChineseFont.Family, 9, XFontStyleEx.Regular);
            for (var i = 0; i < _document.PageCount; i++)
            {
                var page = _document.Pages[i];
                using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var width = page.Width.Point;
                if (i == 0)
                {
                    var x = width - Right - QrSize;
                    PdfQrCode.Draw(graphics, verificationUrl, x, 18, QrSize);
                    const string caption = "扫码核验本纪要";
                    graphics.DrawString(caption, small, XBrushes.Black, x + (QrSize - graphics.MeasureString(caption, small).Width) / 2, 18 + QrSize + 9);
                }
                var text = $"案件编号 {caseNumber}　第 {i + 1} 页，共 {_document.PageCount} 页";
                graphics.DrawString(text, footer, XBrushes.Black, (width - graphics.MeasureString(text, footer).Width) / 2, page.Height.Point - Bottom / 2);
            }
        }

        private double Measure(string text, XFont font)
        {
            var width = 0.0;
            foreach (var c in text) width += CharWidth(c, font);
            return width;
        }

        private double CharWidth(char c, XFont font)
        {
            if (!_widths.TryGetValue((font, c), out var width))
                _widths[(font, c)] = width = _graphics!.MeasureString(c.ToString(), font).Width;
            return width;
        }

        private List<string> Wrap(string text, XFont font, double width, double firstIndent = 0)
        {
            var lines = new List<string>();
            var line = new System.Text.StringBuilder();
            var used = firstIndent;
            foreach (var c in text)
            {
                var w = CharWidth(c, font);
                // Closing punctuation stays at the end of the line it closes, a little past the margin if need be.
                if (used + w > width && line.Length > 0 && !NoLineStart.Contains(c, StringComparison.Ordinal))
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    used = 0;
                }
                line.Append(c);
                used += w;
            }
            if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
            return lines;
        }
    }
}
