using Deliberation.Civic.Implementation;

namespace Deliberation.Civic.Tests.Implementation;

[Trait("Category", "Deliberation")]
public sealed class CaseClosingNoticeTests
{
    [Fact]
    public void Compose_ListsWhoDidWhat_AndTheFollowUp()
    {
        var due = new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero);
        var items = new List<ActionItem>
        {
            new() { Title = "制定电梯使用公约", ResponsibleParty = "业委会", DueAt = due.AddDays(-5), Percent = 100, Status = ActionItemStatuses.Done, DoneAt = due.AddDays(-6) },
            new() { Title = "更换控制柜", ResponsibleParty = "物业公司", DueAt = due, Budget = 12000.50m, FundingSource = "住户分摊", Percent = 100, Status = ActionItemStatuses.Done, DoneAt = due.AddDays(-1) },
        };
        var facts = new CaseClosingFacts("大龙社区", "DALONG-2026-001", "5栋电梯经常停运", items,
            Satisfaction.Summarize([Satisfaction.Satisfied, null]), ["电梯正常了\n谢谢"], due.AddDays(3));

        var email = CaseClosingNotice.Compose(facts, "wang@example.com", "王楼长");

        Assert.Equal(["wang@example.com"], email.To);
        Assert.Equal("【结案公示】大龙社区：5栋电梯经常停运", email.Subject);
        Assert.StartsWith("王楼长您好：", email.Body, StringComparison.Ordinal);
        Assert.Contains("1. 业委会：制定电梯使用公约，2026年12月4日 18:00 完成", email.Body, StringComparison.Ordinal);
        Assert.Contains("2. 物业公司：更换控制柜，2026年12月9日 18:00 完成（期限 2026年12月10日 18:00）；预算 12,000.5 元，资金来源：住户分摊", email.Body, StringComparison.Ordinal);
        Assert.Contains("满意 1 人、基本满意 0 人、不满意 0 人，未答复 1 人", email.Body, StringComparison.Ordinal);
        Assert.Contains("· 电梯正常了 谢谢", email.Body, StringComparison.Ordinal);
    }
}
