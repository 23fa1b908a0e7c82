using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// Turns the Markdown the minutes templates write (<c>workflows/templates/minutes.*.scriban</c>) into a
/// Word document. Only that subset: <c># </c> title, <c>## </c> section heading, <c>- </c> bullet, every
/// other non-blank line a paragraph; text is kept literally (no inline emphasis or links).
/// </summary>
public static class MinutesDocx
{
    /// <summary>Body font for Chinese: 宋体. Word and WPS both know it by its English name.</summary>
    public const string EastAsianFont = "SimSun";

    /// <summary>Heading font for Chinese: 黑体, as official documents set section headings.</summary>
    public const string EastAsianHeadingFont = "SimHei";

    /// <summary>Font for Latin letters and digits.</summary>
    public const string LatinFont = "Times New Roman";

    /// <summary>Creates the .docx.</summary>
    /// <param name="markdown">The rendered minutes.</param>
    /// <returns>The document's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is null.</exception>
    public static byte[] FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DefaultStyles();
            var body = new Body();
            foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = raw.TrimEnd();
                if (line.Length == 0) continue;
                // The text shows as written: Markdown's backslash escapes (people's words kept from becoming syntax) are taken out.
                body.Append(line switch
                {
                    _ when line.StartsWith("# ", StringComparison.Ordinal) => Heading(MarkdownText.Unescape(line[2..]), title: true),
                    _ when line.StartsWith("## ", StringComparison.Ordinal) => Heading(MarkdownText.Unescape(line[3..]), title: false),
                    _ when line.StartsWith("- ", StringComparison.Ordinal) => Bullet(MarkdownText.Unescape(line[2..])),
                    _ => Paragraph(MarkdownText.Unescape(line)),
                });
            }
            // A4 with the margins of GB/T 9704 (official documents): 37 mm top, 28 mm left, 26 mm right, 35 mm bottom.
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    // Document defaults carry the fonts so that text typed later in Word or WPS gets them too; each run
    // repeats them because some viewers ignore the defaults.
    private static Styles DefaultStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(EastAsianFont),
                new FontSize { Val = "24" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto }))));

    private static RunFonts Fonts(string eastAsian) =>
        new() { EastAsia = eastAsian, Ascii = LatinFont, HighAnsi = LatinFont, ComplexScript = LatinFont, Hint = FontTypeHintValues.EastAsia };

    private static Run TextRun(string text, string eastAsianFont, bool bold = false, string? size = null)
    {
        var properties = new RunProperties(Fonts(eastAsianFont));
        if (bold) properties.Append(new Bold());
        if (size is not null) properties.Append(new FontSize { Val = size });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Heading(string text, bool title) => new(
        new ParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = title ? "0" : "240", After = title ? "360" : "120" },
            new Justification { Val = title ? JustificationValues.Center : JustificationValues.Left },
            new OutlineLevel { Val = title ? 0 : 1 }),
        TextRun(text, EastAsianHeadingFont, bold: true, size: title ? "36" : "28"));

    // A hanging indent with a bullet character rather than a numbering part: nothing to keep in step between parts.
    private static Paragraph Bullet(string text) => new(
        new ParagraphProperties(new Indentation { Left = "420", Hanging = "420" }),
        TextRun("•\t" + text, EastAsianFont));

    private static Paragraph Paragraph(string text) => new(
        new ParagraphProperties(new Indentation { FirstLineChars = 200 }),
        TextRun(text, EastAsianFont));
}
