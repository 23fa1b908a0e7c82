using Deliberation.Civic.Escalations;

namespace Deliberation.Civic.Tests.Escalations;

[Trait("Category", "Deliberation")]
public sealed class EscalationRulesTests
{
    [Theory]
    [InlineData("action-item-overdue", true)]
    [InlineData("rounds-exhausted", true)]
    [InlineData("budget-over-2", true)]
    [InlineData("Rounds-Exhausted", false)]
    [InlineData("rounds--exhausted", false)]
    [InlineData("-rounds", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Kind(string? kind, bool valid) => Assert.Equal(valid, EscalationKinds.IsValid(kind));

    [Fact]
    public void IsValid_TooLongKind_IsRefused() => Assert.False(EscalationKinds.IsValid(new string('a', EscalationKinds.MaxLength + 1)));

    [Fact]
    public void Validate_NamesEveryBadField()
    {
        var errors = EscalationRules.Validate(new EscalationRequest(Guid.NewGuid(), null, "Bad Kind", "two\nlines", ""));
        Assert.Equal(["body", "kind", "subject"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_GoodRequest_HasNoErrors() =>
        Assert.Empty(EscalationRules.Validate(new EscalationRequest(Guid.NewGuid(), Guid.NewGuid(), EscalationKinds.QuorumNotReached, "议事会未达法定人数", "请协调")));

    [Fact]
    public void ParseContacts_AcceptsChineseSeparators_AndReportsInvalid()
    {
        var (addresses, invalid) = EscalationRules.ParseContacts("jiedao@example.gov.cn,wangge@example.gov.cn; JIEDAO@example.gov.cn、bad");
        Assert.Equal(["jiedao@example.gov.cn", "wangge@example.gov.cn", "bad"], addresses);
        Assert.Equal(["bad"], invalid);
        Assert.Empty(EscalationRules.ParseContacts("  ").Addresses);
    }

    [Fact]
    public void Email_SaysWhatAndWhere()
    {
        var escalation = new Escalation
        {
            Kind = EscalationKinds.ActionItemOverdue, Subject = "物业公司未按期完成：更换控制柜", Body = "请督促落实。",
            RaisedAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero),
        };

        var email = EscalationEmail.Compose("jiedao@example.gov.cn", "大龙社区", "DALONG-2026-001 5栋电梯", escalation);

        Assert.Equal("【需协调】大龙社区·任务逾期：物业公司未按期完成：更换控制柜", email.Subject);
        Assert.Contains("议题：DALONG-2026-001 5栋电梯", email.Body, StringComparison.Ordinal);
        Assert.Contains("时间：2026年12月1日 10:00（北京时间）", email.Body, StringComparison.Ordinal);
        Assert.Contains("请督促落实。", email.Body, StringComparison.Ordinal);
    }
}
