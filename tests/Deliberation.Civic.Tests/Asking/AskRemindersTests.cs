using Deliberation.Civic.Asking;
using Deliberation.Civic.Scheduling;

namespace Deliberation.Civic.Tests.Asking;

[Trait("Category", "Deliberation")]
public sealed class AskRemindersTests
{
    private static DateTimeOffset Beijing(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Next_DueInTheDay_IsIntervalLater() =>
        Assert.Equal(Beijing(2, 10), AskReminders.Next(Beijing(1, 10), TimeSpan.FromHours(24), QuietHours.Default, Beijing(5, 10)));

    [Fact]
    public void Next_DueInTheQuietHours_GoesOutAtSeven() =>
        Assert.Equal(Beijing(2, 7), AskReminders.Next(Beijing(1, 21), TimeSpan.FromHours(2), QuietHours.Default, Beijing(5, 10)));

    [Fact]
    public void Next_AtOrAfterTheDeadline_IsNone()
    {
        Assert.Null(AskReminders.Next(Beijing(1, 10), TimeSpan.FromHours(24), QuietHours.Default, Beijing(2, 10)));
        // Due at 23:00, moved to 07:00 the next day, which is past a deadline at 06:00.
        Assert.Null(AskReminders.Next(Beijing(1, 21), TimeSpan.FromHours(2), QuietHours.Default, Beijing(2, 6)));
    }

    [Fact]
    public void Next_WithoutDeadline_AlwaysPlans() =>
        Assert.Equal(Beijing(3, 10), AskReminders.Next(Beijing(1, 10), TimeSpan.FromDays(2), QuietHours.Default, null));

    [Fact]
    public void Next_IntervalUnderAnHour_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AskReminders.Next(Beijing(1, 10), TimeSpan.FromMinutes(30), QuietHours.Default, null));
}
