using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Deliberation.Civic.Minutes;

namespace Deliberation.Civic.Tests.Minutes;

[Trait("Category", "Deliberation")]
public sealed class MinutesDocxTests
{
    private const string Markdown =
        "# 大龙社区加装电梯议事会会议纪要\n\n案件编号：DALONG-2026-003\n\n## 一、会议基本情况\n\n- 会议地点：党群服务中心\n- 主持人：陈书记\n\n## 六、不同意见及理由\n\n无。\n";

    private static List<Paragraph> Paragraphs(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => (Paragraph)p.CloneNode(true)).ToList();
    }

    [Fact]
    public void FromMarkdown_ChineseMinutes_OpensWithEveryLineAsAParagraph()
    {
        var bytes = MinutesDocx.FromMarkdown(Markdown);

        var texts = Paragraphs(bytes).Select(p => p.InnerText).ToList();
        Assert.Equal(
            ["大龙社区加装电梯议事会会议纪要", "案件编号：DALONG-2026-003", "一、会议基本情况", "•\t会议地点：党群服务中心", "•\t主持人：陈书记", "六、不同意见及理由", "无。"],
            texts);
    }

    [Fact]
    public void FromMarkdown_Runs_CarryTheEastAsianAndLatinFonts()
    {
        var bytes = MinutesDocx.FromMarkdown(Markdown);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var fonts = document.MainDocumentPart!.Document.Body!.Descendants<RunFonts>().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Equal(MinutesDocx.LatinFont, f.Ascii?.Value));
        Assert.Contains(fonts, f => f.EastAsia?.Value == "SimSun");
        Assert.Contains(fonts, f => f.EastAsia?.Value == "SimHei");
        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("SimSun", defaults.EastAsia?.Value);
    }

    [Fact]
    public void FromMarkdown_Headings_AreBoldWithOutlineLevels()
    {
        var paragraphs = Paragraphs(MinutesDocx.FromMarkdown(Markdown));

        Assert.Equal(0, paragraphs[0].ParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, paragraphs[2].ParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.NotNull(paragraphs[2].Descendants<Bold>().SingleOrDefault());
        Assert.Null(paragraphs[1].ParagraphProperties!.OutlineLevel);
    }
}
