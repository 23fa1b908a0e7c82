using Deliberation.Civic.Decisions;
using Deliberation.Civic.Meetings;

namespace Deliberation.Civic.Tests.Meetings;

public sealed class TimePollAndQuorumTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 19, 0, 0, TimeSpan.FromHours(8));

    private static readonly MeetingSlot[] Slots =
        [new(Day.AddDays(1), Day.AddDays(1).AddHours(2)), new(Day, Day.AddHours(2)), new(Day.AddDays(2), Day.AddDays(2).AddHours(2))];

    [Fact]
    public void Count_TheSlotMostCanMakeWins()
    {
        var (counts, chosen) = TimePoll.Count(Slots, [["slot-1", "slot-3"], ["slot-3"], ["slot-2"]]);
        Assert.Equal([1, 1, 2], counts);
        Assert.Equal(2, chosen);
    }

    [Fact]
    public void Count_OfEquals_TheEarliestWins_AndNoAnswersPicksTheEarliest()
    {
        Assert.Equal(1, TimePoll.Count(Slots, [["slot-1"], ["slot-2"]]).Chosen); // slot-2 starts first
        Assert.Equal(1, TimePoll.Count(Slots, []).Chosen);
    }

    [Fact]
    public void Count_UnknownValuesAreIgnored() =>
        Assert.Equal([0, 0, 0], TimePoll.Count(Slots, [["slot-9", "x"]]).Counts);

    [Theory]
    [InlineData(1, 2, 3, 2)]  // ⌈1.5⌉
    [InlineData(2, 3, 3, 2)]
    [InlineData(2, 3, 4, 3)]  // ⌈2.67⌉
    [InlineData(2, 3, 6, 4)]
    [InlineData(1, 1, 5, 5)]
    [InlineData(1, 2, 0, 1)]  // nobody eligible: one is still needed, so it is never met
    public void Needed_IsTheCeilingOfTheFraction(long numerator, long denominator, int eligible, int needed) =>
        Assert.Equal(needed, Quorum.Needed(new Fraction(numerator, denominator), eligible));

    [Fact]
    public void MeetingSlot_ReadsInChinese() =>
        Assert.Equal("2026年12月1日 19:00–21:00", Slots[1].ToChinese());
}
