using Deliberation.Civic.Elections;
using Deliberation.Civic.Scheduling;
using static Deliberation.Civic.Tests.Support.BeijingClock;

namespace Deliberation.Civic.Tests.Elections;

/// <summary>The reminder to non-voters, planned out of the quiet hours but never after the ballot deadline.</summary>
[Trait("Category", "Deliberation")]
public sealed class ElectionRemindersTests
{
    /// <summary>When the ballots go out: 1 December, 09:00.</summary>
    private static readonly DateTimeOffset Opens = December(1, 9);

    [Fact]
    public void Plan_DaytimeDue_IsTheGivenTimeBefore() =>
        Assert.Equal(December(5, 9), ElectionReminders.Plan(Opens, December(6, 9), TimeSpan.FromDays(1)));

    [Fact]
    public void Plan_DueLateInTheEvening_MovesToSevenNextMorning() =>
        // The ballot closes at 09:00; ten hours before is 23:00 the evening before.
        Assert.Equal(December(6, 7), ElectionReminders.Plan(Opens, December(6, 9), TimeSpan.FromHours(10)));

    [Fact]
    public void Plan_QuietHoursEndAtOrAfterTheDeadline_GoesOutTheEveningBefore()
    {
        // The ballot closes at 06:30; an hour before is 05:30, and the quiet hours end at 07:00, after the deadline.
        Assert.Equal(December(5, 21, 59), ElectionReminders.Plan(Opens, December(6, 6, 30), TimeSpan.FromHours(1)));
        // A deadline at 07:00 exactly: the end of the quiet hours is the deadline itself, too late as well.
        Assert.Equal(December(5, 21, 59), ElectionReminders.Plan(Opens, December(6, 7), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Plan_NoTimeOutsideQuietHoursWhileTheBallotIsOpen_IsNone() =>
        // Ballots out at 23:00, deadline 06:00: the whole ballot is quiet, so the ballot email is all there is.
        Assert.Null(ElectionReminders.Plan(December(5, 23), December(6, 6), TimeSpan.FromHours(2)));

    [Fact]
    public void Plan_NotAfterTheBallotOpens_IsNone() =>
        Assert.Null(ElectionReminders.Plan(Opens, December(3, 9), TimeSpan.FromDays(2)));

    [Fact]
    public void Plan_ZeroBefore_IsNone() => Assert.Null(ElectionReminders.Plan(Opens, December(6, 9), TimeSpan.Zero));

    [Fact]
    public void Plan_WithoutQuietHours_KeepsTheNightTime() =>
        Assert.Equal(December(5, 23), ElectionReminders.Plan(Opens, December(6, 9), TimeSpan.FromHours(10), new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0))));

    [Fact]
    public void Plan_DaytimeQuietHours_FollowsThem() =>
        // Quiet 12:00–14:00 (not crossing midnight): due 13:00, the deadline 13:30 → 11:59.
        Assert.Equal(December(6, 11, 59), ElectionReminders.Plan(Opens, December(6, 13, 30), TimeSpan.FromMinutes(30), new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0))));
}
