using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Tests.Issues;

[Trait("Category", "Deliberation")]
public sealed class PublicNoticeTests
{
    [Fact]
    public void Compose_AnchoredIssue_TellsWhatWhyAndWhatNextInChinese()
    {
        var complaint = new Complaint { Id = Guid.NewGuid(), Title = "5栋电梯经常停运", ReporterCount = 12, Urgency = 4, Severity = 5 };
        var ranked = Assert.Single(ComplaintRanking.Rank([new RankingCandidate(complaint, 30)], 120, new RankingOptions()));
        var facts = new PublicNoticeFacts("大龙社区", "DALONG-2026-001", new MattersCatalogue(MattersCatalogue.Default).Find("lift")!, complaint.Title,
            "老人上楼难", ["10栋", "2栋"], ranked, 3, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

        var email = PublicNotice.Compose(facts, "head@example.com", "王小明");

        Assert.Equal(["head@example.com"], email.To);
        Assert.Equal("【公示】大龙社区：5栋电梯经常停运 已列为协商议题", email.Subject);
        Assert.StartsWith("王小明楼长您好：", email.Body, StringComparison.Ordinal);
        Assert.Contains("案件编号：DALONG-2026-001", email.Body, StringComparison.Ordinal);
        Assert.Contains("问题类别：加装电梯", email.Body, StringComparison.Ordinal);
        Assert.Contains("涉及楼栋：2栋、10栋", email.Body, StringComparison.Ordinal);
        Assert.Contains("列为议题时间：2026年11月23日 09:00", email.Body, StringComparison.Ordinal);
        Assert.Contains("在本社区 3 个待处理问题中排名第 1，综合得分 68.3（满分 100）", email.Body, StringComparison.Ordinal);
        Assert.Contains("受影响住户 30 户，占全社区 25%：5.0 分", email.Body, StringComparison.Ordinal);
        Assert.Contains("确定利益相关方", email.Body, StringComparison.Ordinal);
        Assert.Contains("推选利益代表", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("公示期", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithANoticePeriod_SaysWhenItEndsAndWhatComesAfter()
    {
        var complaint = new Complaint { Id = Guid.NewGuid(), Title = "5栋电梯经常停运", ReporterCount = 12, Urgency = 4, Severity = 5 };
        var ranked = Assert.Single(ComplaintRanking.Rank([new RankingCandidate(complaint, 30)], 120, new RankingOptions()));
        var anchoredAt = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var facts = new PublicNoticeFacts("大龙社区", "DALONG-2026-001", new MattersCatalogue(MattersCatalogue.Default).Find("lift")!, complaint.Title,
            "", ["5栋"], ranked, 1, anchoredAt) { NoticeEndsAt = anchoredAt.AddDays(3) };

        var email = PublicNotice.Compose(facts, "head@example.com", "王小明");

        Assert.Contains("公示期：至 2026年11月26日 09:00 止", email.Body, StringComparison.Ordinal);
        Assert.Contains("1. 确定利益相关方：公示期满后", email.Body, StringComparison.Ordinal);
        Assert.Contains("公示期内如有意见或补充情况", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HeadRecordedWithTheTitle_IsNotGreetedWithItTwice()
    {
        var complaint = new Complaint { Id = Guid.NewGuid(), Title = "楼道灯不亮", ReporterCount = 1, Urgency = 2, Severity = 2 };
        var ranked = Assert.Single(ComplaintRanking.Rank([new RankingCandidate(complaint, 1)], 10, new RankingOptions()));
        var facts = new PublicNoticeFacts("大龙社区", "DALONG-2026-002", new MattersCatalogue(MattersCatalogue.Default).Find("lift")!, complaint.Title,
            "", ["1栋"], ranked, 1, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

        var email = PublicNotice.Compose(facts, "head@example.com", "王楼长");

        Assert.StartsWith("王楼长您好：", email.Body, StringComparison.Ordinal);
    }
}
