using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Tests.Definitions;

public sealed class ScheduleCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Next_MonthlyCronWithoutTimeZone_ReadsBeijingTime()
    {
        var calendar = ScheduleCalendar.TryCreate(new WorkflowSchedule { Cron = "0 9 1 * *" })!;

        var next = calendar.Next(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal(
            [new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing), new DateTimeOffset(2027, 1, 1, 9, 0, 0, Beijing), new DateTimeOffset(2027, 2, 1, 9, 0, 0, Beijing)],
            next);
        Assert.All(next, n => Assert.Equal(Beijing, n.Offset));
    }

    [Fact]
    public void LatestAtOrBefore_BetweenOccurrences_IsThePreviousOneAndBeforeStepsBack()
    {
        var calendar = ScheduleCalendar.TryCreate(new WorkflowSchedule { Cron = "0 9 1 * *", TimeZone = "Asia/Shanghai" })!;
        var latest = calendar.LatestAtOrBefore(new DateTimeOffset(2027, 3, 15, 0, 0, 0, Beijing));

        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, Beijing), latest);
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 9, 0, 0, Beijing), calendar.Before(latest!.Value));
        Assert.Equal(latest, calendar.LatestAtOrBefore(latest.Value));
    }

    [Theory]
    [InlineData("0 9 1 * *", true)]
    [InlineData("0 9 * * 1", true)]
    [InlineData("0 9 32 * *", false)]
    [InlineData("every month", false)]
    [InlineData("0 0 9 1 * *", false)]
    [InlineData("", false)]
    public void IsValidCron_FiveStandardFieldsOnly(string cron, bool valid) => Assert.Equal(valid, ScheduleCalendar.IsValidCron(cron));

    [Fact]
    public void ShortestGap_EveryFiveMinutesAtNine_IsUnderTheMinimum()
    {
        var gap = ScheduleCalendar.TryCreate(new WorkflowSchedule { Cron = "*/5 9 1 * *" })!.ShortestGap();

        Assert.True(gap < ScheduleCalendar.MinimumGap);
        Assert.True(ScheduleCalendar.TryCreate(new WorkflowSchedule { Cron = "0 9 1 * *" })!.ShortestGap() >= ScheduleCalendar.MinimumGap);
    }

    [Fact]
    public void TryCreate_UnknownTimeZone_IsNull() =>
        Assert.Null(ScheduleCalendar.TryCreate(new WorkflowSchedule { Cron = "0 9 1 * *", TimeZone = "Mars/Olympus" }));
}
