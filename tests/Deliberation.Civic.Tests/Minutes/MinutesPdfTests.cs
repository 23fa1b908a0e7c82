using System.Text;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Printing;

namespace Deliberation.Civic.Tests.Minutes;

[Trait("Category", "Deliberation")]
public sealed class MinutesPdfTests
{
    private static SealedMinutesContent Content(string markdown) => new(markdown, "DALONG-2026-003",
        ["确认期：2026年12月1日 09:00 至 2026年12月4日 09:00（北京时间）；确认期满定稿。", "张一：已确认（2026年12月2日 10:00）"],
        "陈书记", "小王", ["张一（1栋利益代表）", "赵经理（物业公司）"], new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero),
        "http://127.0.0.1:5080/verify/0123456789abcdef0123456789abcdef");

    [Fact]
    public void Render_ChineseMinutes_IsAPdfWithTheChineseFontEmbeddedAsASubset()
    {
        var pdf = MinutesPdf.Render(Content("# 大龙社区加装电梯议事会会议纪要\n\n案件编号：DALONG-2026-003\n\n## 一、会议基本情况\n\n- 会议地点：党群服务中心\n"));

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);
        Assert.Contains("/Identity-H", text, StringComparison.Ordinal);
        Assert.Contains("/ToUnicode", text, StringComparison.Ordinal); // the text can be read back, searched and copied
        // Embedded glyphs only: a fraction of the megabytes of the whole font.
        Assert.InRange(pdf.Length, 1_000, 400_000);
    }

    [Fact]
    public void Render_LongMinutes_GoesOnOverSeveralPages()
    {
        var markdown = "# 会议纪要\n\n## 四、讨论要点\n\n" + string.Concat(Enumerable.Range(1, 120).Select(i => $"- 第 {i} 位发言人认为，加装电梯须兼顾低层住户的采光与通风，费用按楼层系数分摊。\n"));

        var pdf = Encoding.Latin1.GetString(MinutesPdf.Render(Content(markdown)));

        Assert.True(System.Text.RegularExpressions.Regex.Count(pdf, @"/Type\s*/Page\b") > 3);
    }

    [Fact]
    public void Extract_TrueTypeCollection_GivesASingleFontWithItsTables()
    {
        var file = ChineseFont.Locate();
        Assert.True(file is not null, "No Chinese font found: ./test.sh installs fonts-wqy-zenhei.");
        var bytes = File.ReadAllBytes(file);

        var single = TrueTypeCollection.Extract(bytes);

        Assert.False(TrueTypeCollection.IsCollection(single));
        Assert.True(single.Length > 1_000_000);
        var tables = (single[4] << 8) | single[5];
        Assert.Contains("glyf", Enumerable.Range(0, tables).Select(i => Encoding.ASCII.GetString(single, 12 + 16 * i, 4)));
    }
}
