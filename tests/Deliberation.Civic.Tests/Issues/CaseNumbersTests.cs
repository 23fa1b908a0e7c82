using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Tests.Issues;

[Trait("Category", "Deliberation")]
public sealed class CaseNumbersTests
{
    [Fact]
    public void Next_FirstOfTheYear_IsNumberOne()
    {
        Assert.Equal("DALONG-2026-001", CaseNumbers.Next("dalong", new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), []));
    }

    [Fact]
    public void Next_AfterExisting_CountsOnFromTheHighestOfThatYearOnly()
    {
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        var next = CaseNumbers.Next("dalong", at, ["DALONG-2026-002", "DALONG-2026-010", "DALONG-2025-042", "DALONG-2026-007"]);

        Assert.Equal("DALONG-2026-011", next);
    }

    [Fact]
    public void Next_NewYearInBeijingWhileStillOldYearInUtc_StartsTheNewYear()
    {
        // 31 December 2026 17:00 UTC is 1 January 2027 01:00 in Beijing.
        var at = new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(2027, CaseNumbers.YearInBeijing(at));
        Assert.Equal("DALONG-2027-001", CaseNumbers.Next("dalong", at, ["DALONG-2026-099"]));
    }

    [Fact]
    public void Next_BeyondNineHundredNinetyNine_GrowsADigit()
    {
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("FU-YI-2026-1000", CaseNumbers.Next("fu-yi", at, ["FU-YI-2026-999"]));
    }
}
