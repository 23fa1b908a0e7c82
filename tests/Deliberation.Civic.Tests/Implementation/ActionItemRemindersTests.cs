using Deliberation.Civic.Implementation;
using Deliberation.Civic.Scheduling;

namespace Deliberation.Civic.Tests.Implementation;

[Trait("Category", "Deliberation")]
public sealed class ActionItemRemindersTests
{
    private static DateTimeOffset Beijing(int day, int hour, int minute = 0) => new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static readonly DateTimeOffset Now = Beijing(1, 9);

    [Fact]
    public void Plan_DaytimeDue_IsThreeDaysBefore() =>
        Assert.Equal(Beijing(7, 15), ActionItemReminders.Plan(Beijing(10, 15), ActionItemReminders.DefaultBefore, Now));

    [Fact]
    public void Plan_DueInTheNight_MovesToSevenInTheMorning() =>
        Assert.Equal(Beijing(7, 7), ActionItemReminders.Plan(Beijing(10, 1, 30), ActionItemReminders.DefaultBefore, Now));

    [Fact]
    public void Plan_LateEvening_MovesToSevenNextMorning() =>
        Assert.Equal(Beijing(8, 7), ActionItemReminders.Plan(Beijing(10, 23), ActionItemReminders.DefaultBefore, Now));

    [Fact]
    public void Plan_AlreadyPast_IsNone() => Assert.Null(ActionItemReminders.Plan(Beijing(3, 15), ActionItemReminders.DefaultBefore, Now));

    [Fact]
    public void Plan_MovedToOrPastTheDueDate_IsNone() =>
        // Due at 06:30, an hour before is 05:30, quiet until 07:00: after the due date, so no reminder.
        Assert.Null(ActionItemReminders.Plan(Beijing(10, 6, 30), TimeSpan.FromHours(1), Now));

    [Fact]
    public void Plan_WithoutQuietHours_KeepsTheNightTime() =>
        Assert.Equal(Beijing(7, 1, 30), ActionItemReminders.Plan(Beijing(10, 1, 30), ActionItemReminders.DefaultBefore, Now, new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0))));

    [Fact]
    public void Plan_ZeroOffset_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ActionItemReminders.Plan(Beijing(10, 15), TimeSpan.Zero, Now));
}
