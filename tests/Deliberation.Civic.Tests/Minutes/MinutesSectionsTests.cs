using Deliberation.Civic.Minutes;

namespace Deliberation.Civic.Tests.Minutes;

[Trait("Category", "Deliberation")]
public sealed class MinutesSectionsTests
{
    private const string Markdown =
        "# 大龙社区加装电梯议事会会议纪要\n\n案件编号：DALONG-2026-003\n\n## 一、会议基本情况\n\n- 会议地点：党群服务中心\n- 主持人：陈书记\n\n## 六、不同意见及理由\n\n- 赵经理（物业公司）（反对）：费用\\[待定\\]\n";

    [Fact]
    public void Read_Minutes_GivesEachHeadingWithItsLinesNumberedFromOne()
    {
        var sections = MinutesSections.Read(Markdown);

        Assert.Equal(
            [new MinutesSection(1, "一、会议基本情况", "- 会议地点：党群服务中心\n- 主持人：陈书记"), new MinutesSection(2, "六、不同意见及理由", "- 赵经理（物业公司）（反对）：费用\\[待定\\]")],
            sections);
    }

    [Fact]
    public void Replace_OneSection_ChangesOnlyItsLines()
    {
        var changed = MinutesSections.Replace(Markdown, 1, "- 会议地点：社区议事厅\n- 主持人：陈书记");

        Assert.Equal(Markdown.Replace("党群服务中心", "社区议事厅", StringComparison.Ordinal), changed);
        Assert.Equal(MinutesSections.Read(Markdown)[1], MinutesSections.Read(changed)[1]);
    }

    [Fact]
    public void Replace_LastSection_KeepsOneNewlineAtTheEnd()
    {
        var changed = MinutesSections.Replace(Markdown, 2, "无。");

        Assert.EndsWith("## 六、不同意见及理由\n\n无。\n", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_NoSuchSection_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MinutesSections.Replace(Markdown, 3, "无。"));

    [Fact]
    public void Normalize_StaffText_CannotAddAHeadingOrTitle()
    {
        var body = MinutesSections.Normalize("\n- 第一点\r\n## 七、补充\n# 标题\n\n");

        Assert.Equal("- 第一点\n\\## 七、补充\n\\# 标题", body);
        Assert.Equal(2, MinutesSections.Read(MinutesSections.Replace(Markdown, 1, body)).Count);
    }
}
