using Deliberation.Civic.Reporting;

namespace Deliberation.Civic.Tests.Reporting;

/// <summary>The three monthly rates counted from seeded facts, month by month on Beijing's clock.</summary>
[Trait("Category", "Deliberation")]
public sealed class MonthlyRatesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Now: 2026-12-10 12:00 Beijing time.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 12, 0, 0, Beijing);

    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    private static DateTimeOffset At(int month, int day, int hour = 9, int year = 2026) => new(year, month, day, hour, 0, 0, Beijing);

    private static RateFacts Facts(IReadOnlyList<RateFacts.Response>? responses = null, IReadOnlyList<RateFacts.Matter>? received = null,
        IReadOnlyList<RateFacts.Answer>? answers = null) => new(responses ?? [], received ?? [], answers ?? []);

    [Fact]
    public void Last_TwelveMonths_EndWithTheBeijingMonthOfNow_OldestFirst()
    {
        // 2026-11-30 17:00 UTC is already 1 December in Beijing.
        var months = ReportMonth.Last(12, new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(12, months.Count);
        Assert.Equal("2026-01", months[0].Key);
        Assert.Equal("2026-12", months[^1].Key);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), months[^1].From);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), months[^1].To);
        Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
    }

    [Fact]
    public void Compute_ResponseRate_CountsHandledWithinTheFirstDeadline_AndLeavesUndecidedMattersOut()
    {
        var facts = Facts(responses:
        [
            new(At(11, 2), FourHours, At(11, 2, 12)), // 3 h: in time
            new(At(11, 3), FourHours, At(11, 3, 13)), // exactly 4 h: in time
            new(At(11, 4), FourHours, At(11, 4, 19)), // 10 h: late (escalated)
            new(At(11, 5), FourHours, null), // never handled, deadline long passed: counted, not in time
            new(Now.AddHours(-1), FourHours, null), // still within its deadline: not counted yet
            new(At(12, 1), FourHours, null), // deadline passed: counted
        ]);

        var rates = MonthlyRates.Compute([ReportMonth.Of(new DateOnly(2026, 11, 1)), ReportMonth.Of(new DateOnly(2026, 12, 1))], Now, facts);

        Assert.Equal(new Rate(2, 4), rates[0].Response);
        Assert.Equal(50.0, rates[0].Response.Percent);
        Assert.Equal(3, rates[0].Handled);
        Assert.Equal((180 + 240 + 600) / 3, rates[0].AverageResponseMinutes);
        Assert.Equal(new Rate(0, 1), rates[1].Response);
        Assert.Equal(0.0, rates[1].Response.Percent);
        Assert.Null(rates[1].AverageResponseMinutes);
    }

    [Fact]
    public void Compute_MonthWithoutData_HasNoRate_NotZeroPercent()
    {
        var facts = Facts(
            responses: [new(At(10, 8), FourHours, At(10, 8, 10))],
            received: [new(At(10, 8), true)],
            answers: [new(At(10, 20), true)]);

        var rates = MonthlyRates.Compute(ReportMonth.Last(3, Now), Now, facts);

        Assert.Equal(["2026-10", "2026-11", "2026-12"], rates.Select(r => r.Month));
        Assert.Equal(100.0, rates[0].Response.Percent);
        var quiet = rates[1];
        Assert.Equal((new Rate(0, 0), new Rate(0, 0), new Rate(0, 0)), (quiet.Response, quiet.Resolution, quiet.Satisfaction));
        Assert.Null(quiet.Response.Percent);
        Assert.Null(quiet.Resolution.Percent);
        Assert.Null(quiet.Satisfaction.Percent);
        Assert.Null(quiet.AverageResponseMinutes);
        Assert.Equal(0, quiet.Handled);
    }

    [Fact]
    public void Compute_ResolutionRate_IsTheShareOfTheMonthsReceivedMattersResolvedByNow()
    {
        var facts = Facts(received:
        [
            new(At(11, 1), true), new(At(11, 15), false), new(At(11, 30, 23), true),
            // 1 December 07:00 Beijing is still 30 November in UTC: it belongs to December.
            new(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), false),
        ]);

        var rates = MonthlyRates.Compute(ReportMonth.Last(2, Now), Now, facts);

        Assert.Equal(new Rate(2, 3), rates[0].Resolution);
        Assert.Equal(66.7, rates[0].Resolution.Percent);
        Assert.Equal(new Rate(0, 1), rates[1].Resolution);
    }

    [Fact]
    public void Compute_SatisfactionRate_CountsTheAnswersGivenInTheMonth()
    {
        var facts = Facts(answers: [new(At(12, 1), true), new(At(12, 2), true), new(At(12, 3), false), new(At(11, 28), false)]);

        var rates = MonthlyRates.Compute(ReportMonth.Last(2, Now), Now, facts);

        Assert.Equal(new Rate(0, 1), rates[0].Satisfaction);
        Assert.Equal(new Rate(2, 3), rates[1].Satisfaction);
        Assert.Equal(66.7, rates[1].Satisfaction.Percent);
    }

    [Fact]
    public void Compute_FactsOutsideTheMonths_AreNotCounted()
    {
        var facts = Facts(received: [new(At(12, 31, 9, 2025), true), new(At(1, 1, 9, 2027), true)]);

        var rates = MonthlyRates.Compute(ReportMonth.Last(12, Now), Now, facts);

        Assert.All(rates, r => Assert.Equal(0, r.Resolution.Denominator));
    }
}
