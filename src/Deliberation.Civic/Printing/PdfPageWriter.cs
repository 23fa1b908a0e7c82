using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Deliberation.Civic.Printing;

/// <summary>
/// Lays Chinese text out on A4 pages of a PDF (sealed minutes, notices, ballot sheets), page by page, wrapping at any
/// character (Chinese has no spaces) and never starting a line with closing punctuation. Call
/// <see cref="ChineseFont.EnsureRegistered"/> first.
/// </summary>
public sealed class PdfPageWriter
{
    private const string NoLineStart = "，。、；：！？）》」』”’…%,.;:!?)";
    private const double QrSize = 70;
    private readonly PdfDocument _document;
    private readonly PdfMargins _margins;
    private readonly XFont _body = new(ChineseFont.Family, 12, XFontStyleEx.Regular);
    private readonly XFont _heading = new(ChineseFont.Family, 14, XFontStyleEx.Bold);
    private readonly XFont _title = new(ChineseFont.Family, 18, XFontStyleEx.Bold);
    private readonly XFont _small = new(ChineseFont.Family, 9, XFontStyleEx.Regular);
    private readonly Dictionary<(XFont, char), double> _widths = [];
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _y;

    /// <summary>Starts the first page of <paramref name="document"/>.</summary>
    public PdfPageWriter(PdfDocument document, PdfMargins margins)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(margins);
        _document = document;
        _margins = margins;
        NewPage();
    }

    private double Left => _margins.Left;

    private double Width => _page!.Width.Point - _margins.Left - _margins.Right;

    private double BottomEdge => _page!.Height.Point - _margins.Bottom;

    /// <summary>Starts a new page (a ballot sheet per household).</summary>
    public void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = _margins.Top;
    }

    private void Room(double height)
    {
        if (_y + height > BottomEdge) NewPage();
    }

    /// <summary>A centred title.</summary>
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

    /// <summary>A heading; it keeps with the first lines under it.</summary>
    public void Heading(string text)
    {
        Room(_heading.Size * 1.8 + _body.Size * 3.2);
        _y += 6;
        foreach (var line in Wrap(text, _heading, Width))
        {
            _graphics!.DrawString(line, _heading, XBrushes.Black, Left, _y + _heading.Size);
            _y += _heading.Size * 1.8;
        }
    }

    /// <summary>A paragraph, its first line indented by two characters when <paramref name="indentFirst"/>.</summary>
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

    /// <summary>A bullet item at <paramref name="depth"/> (0 for the outermost).</summary>
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

    /// <summary>An option to tick on paper: an empty box, then its label.</summary>
    public void CheckBox(string label)
    {
        var box = _body.Size * 1.1;
        var first = true;
        foreach (var line in Wrap(label, _body, Width - box * 2))
        {
            Room(_body.Size * 2.2);
            if (first) _graphics!.DrawRectangle(new XPen(XColors.Black, 0.9), Left + 4, _y + 1, box, box);
            _graphics!.DrawString(line, _body, XBrushes.Black, Left + box * 2, _y + _body.Size);
            _y += _body.Size * (first ? 2.2 : 1.6);
            first = false;
        }
    }

    /// <summary>Empty lines to write on, each a rule across the page.</summary>
    public void WritingLines(int count)
    {
        var pen = new XPen(XColors.Black, 0.5);
        for (var i = 0; i < count; i++)
        {
            Room(_body.Size * 2.2);
            _y += _body.Size * 2.2;
            _graphics!.DrawLine(pen, Left, _y, Left + Width, _y);
        }
        _y += _body.Size * 0.6;
    }

    /// <summary>A QR code of <paramref name="text"/> at the left margin with lines of explanation beside it.</summary>
    public void QrCodeBlock(string text, double size, IReadOnlyList<string> beside)
    {
        ArgumentNullException.ThrowIfNull(beside);
        Room(size + 12);
        _y += 6;
        PdfQrCode.Draw(_graphics!, text, Left, _y, size);
        var x = Left + size + 12;
        var y = _y + 4;
        foreach (var note in beside)
        {
            foreach (var line in Wrap(note, _body, Width - size - 12))
            {
                _graphics!.DrawString(line, _body, XBrushes.Black, x, y + _body.Size);
                y += _body.Size * 1.6;
            }
        }
        _y += Math.Max(size, y - _y) + 6;
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
        if (height < BottomEdge - _margins.Top) Room(height);
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

    /// <summary>
    /// Ends the document: the QR code of <paramref name="qrText"/> with <paramref name="qrCaption"/> under it at the top
    /// right of the first page (none when null), and on every page a footer of <paramref name="footerLead"/> and the page number.
    /// </summary>
    public void Finish(string footerLead, string? qrText, string qrCaption)
    {
        _graphics?.Dispose();
        _graphics = null;
        var small = new XFont(ChineseFont.Family, 8, XFontStyleEx.Regular);
        for (var i = 0; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            if (i == 0 && qrText is not null)
            {
                var x = width - _margins.Right - QrSize;
                PdfQrCode.Draw(graphics, qrText, x, 18, QrSize);
                graphics.DrawString(qrCaption, small, XBrushes.Black, x + (QrSize - graphics.MeasureString(qrCaption, small).Width) / 2, 18 + QrSize + 9);
            }
            var text = $"{footerLead}　第 {i + 1} 页，共 {_document.PageCount} 页";
            graphics.DrawString(text, _small, XBrushes.Black, (width - graphics.MeasureString(text, _small).Width) / 2, page.Height.Point - _margins.Bottom / 2);
        }
    }

    /// <summary>The document's bytes (after <see cref="Finish"/>).</summary>
    public byte[] Save()
    {
        _graphics?.Dispose();
        _graphics = null;
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
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
