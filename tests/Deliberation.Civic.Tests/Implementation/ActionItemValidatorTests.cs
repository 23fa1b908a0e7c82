using Deliberation.Civic.Implementation;

namespace Deliberation.Civic.Tests.Implementation;

[Trait("Category", "Deliberation")]
public sealed class ActionItemValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static ActionItemDraft Valid() => new("更换电梯控制柜", "物业公司", Guid.NewGuid(), Now.AddDays(10), 12000.5m, "住户分摊", null);

    [Fact]
    public void Validate_CompleteDraft_HasNoErrors() => Assert.Empty(ActionItemValidator.Validate(Valid(), Now, personBelongs: true));

    [Fact]
    public void Validate_WithoutPerson_IsValid() => Assert.Empty(ActionItemValidator.Validate(Valid() with { PersonId = null }, Now, personBelongs: false));

    [Fact]
    public void Validate_EveryFieldWrong_NamesEachField()
    {
        var draft = new ActionItemDraft("  ", new string('物', ActionItemValidator.MaxPartyLength + 1), Guid.NewGuid(), Now, 1.005m,
            new string('资', ActionItemValidator.MaxFundingSourceLength + 1), null);

        var errors = ActionItemValidator.Validate(draft, Now, personBelongs: false);

        Assert.Equal(["budget", "dueAt", "fundingSource", "personId", "responsibleParty", "title"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(10_000_000_000)]
    public void Validate_BudgetOutOfRange_IsRefused(double budget) =>
        Assert.Contains("budget", ActionItemValidator.Validate(Valid() with { Budget = (decimal)budget }, Now, true).Keys);

    [Fact]
    public void Validate_ZeroBudget_IsFine() => Assert.Empty(ActionItemValidator.Validate(Valid() with { Budget = 0m }, Now, true));

    [Fact]
    public void Validate_MissingOrFarDueDate_IsRefused()
    {
        Assert.Contains("dueAt", ActionItemValidator.Validate(Valid() with { DueAt = null }, Now, true).Keys);
        Assert.Contains("dueAt", ActionItemValidator.Validate(Valid() with { DueAt = Now.AddYears(4) }, Now, true).Keys);
        Assert.Empty(ActionItemValidator.Validate(Valid() with { DueAt = Now.AddSeconds(1) }, Now, true));
    }
}
