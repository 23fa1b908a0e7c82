using Deliberation.Civic.Scheduling;

namespace Deliberation.Civic.Tests.Scheduling;

[Trait("Category", "Deliberation")]
public sealed class MeetingRemindersTests
{
    private static DateTimeOffset Beijing(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public void Plan_EveningMeetingWithDefaults_SendsBothAtTheirDueTimes()
    {
        var plan = MeetingReminders.Plan(Beijing(10, 19));

        Assert.Equal([(TimeSpan.FromHours(24), Beijing(9, 19)), (TimeSpan.FromHours(2), Beijing(10, 17))],
            plan.Select(r => (r.Before, r.SendAt)));
        Assert.All(plan, r => Assert.False(r.Shifted || r.Dropped));
    }

    [Fact]
    public void Plan_EarlyMeeting_ShiftsTheTwoHourReminderToSeven()
    {
        var plan = MeetingReminders.Plan(Beijing(10, 8));

        Assert.Equal(Beijing(9, 8), plan[0].SendAt);
        Assert.Equal(Beijing(10, 6), plan[1].DueAt);
        Assert.Equal(Beijing(10, 7), plan[1].SendAt);
        Assert.True(plan[1].Shifted);
        Assert.False(plan[1].Dropped);
    }

    [Fact]
    public void Plan_ShiftedReminderPastTheMeeting_IsDroppedAndSaysSo()
    {
        // A 06:30 morning-exercise meeting: the 2 h reminder is due 04:30 and could only go out at 07:00.
        var plan = MeetingReminders.Plan(Beijing(10, 6, 30));

        Assert.False(plan[0].Dropped);
        Assert.True(plan[1].Dropped);
        Assert.Equal(ReminderDropReasons.NotBeforeMeeting, plan[1].DroppedBecause);
        Assert.Equal(Beijing(10, 7), plan[1].SendAt);
    }

    [Fact]
    public void Plan_ShiftedReminderExactlyAtTheMeetingStart_IsDropped()
    {
        var plan = MeetingReminders.Plan(Beijing(10, 7));

        Assert.Equal(ReminderDropReasons.NotBeforeMeeting, plan[1].DroppedBecause);
    }

    [Fact]
    public void Plan_ShiftedReminderStillBeforeTheMeeting_IsKept()
    {
        var plan = MeetingReminders.Plan(Beijing(10, 7, 30));

        Assert.Equal(Beijing(10, 7), plan[1].SendAt);
        Assert.False(plan[1].Dropped);
    }

    [Fact]
    public void Plan_LateEveningMeeting_ShiftsTheDayBeforeReminderToSevenThatMorning()
    {
        // A 22:30 meeting: 24 h before is 22:30 the evening before, quiet until 07:00 on the meeting day.
        var plan = MeetingReminders.Plan(Beijing(10, 22, 30));

        Assert.Equal(Beijing(10, 7), plan[0].SendAt);
        Assert.Equal(Beijing(10, 20, 30), plan[1].SendAt);
        Assert.All(plan, r => Assert.False(r.Dropped));
    }

    [Fact]
    public void Plan_TwoRemindersShiftedToTheSameInstant_SendsOnlyTheFirst()
    {
        var plan = MeetingReminders.Plan(Beijing(10, 9), [TimeSpan.FromHours(2.5), TimeSpan.FromHours(3)]);

        Assert.Equal([TimeSpan.FromHours(3), TimeSpan.FromHours(2.5)], plan.Select(r => r.Before));
        Assert.Equal(Beijing(10, 7), plan[0].SendAt);
        Assert.False(plan[0].Dropped);
        Assert.Equal(ReminderDropReasons.SameInstant, plan[1].DroppedBecause);
    }

    [Fact]
    public void Plan_OffsetsInAnyOrderWithRepeats_AreEarliestFirstAndDistinct()
    {
        var plan = MeetingReminders.Plan(Beijing(10, 19), [TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromHours(2)]);

        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(2)], plan.Select(r => r.Before));
    }

    [Fact]
    public void Plan_ConfiguredQuietHours_AreUsed()
    {
        var quiet = new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0));

        var plan = MeetingReminders.Plan(Beijing(10, 21, 30), quietHours: quiet);

        Assert.Equal(Beijing(10, 8), plan[0].SendAt);
        Assert.Equal(Beijing(10, 19, 30), plan[1].SendAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Plan_OffsetNotBeforeTheMeeting_Throws(int hours) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetingReminders.Plan(Beijing(10, 19), [TimeSpan.FromHours(hours)]));
}
