using Deliberation.Civic.Scheduling;

namespace Deliberation.Civic.Tests.Scheduling;

[Trait("Category", "Deliberation")]
public sealed class QuietHoursTests
{
    /// <summary>A Beijing wall-clock time, as the UTC instant the scheduler holds.</summary>
    private static DateTimeOffset Beijing(int month, int day, int hour, int minute, int year = 2026) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public void SendTimeFor_2159_IsUnchanged()
    {
        var due = Beijing(12, 1, 21, 59);

        Assert.Equal(due, QuietHours.Default.SendTimeFor(due));
        Assert.False(QuietHours.Default.IsQuiet(due));
    }

    [Fact]
    public void SendTimeFor_2200_MovesToSevenNextMorning()
    {
        Assert.True(QuietHours.Default.IsQuiet(Beijing(12, 1, 22, 0)));
        Assert.Equal(Beijing(12, 2, 7, 0), QuietHours.Default.SendTimeFor(Beijing(12, 1, 22, 0)));
    }

    [Fact]
    public void SendTimeFor_BeforeMidnight_MovesToSevenNextMorning() =>
        Assert.Equal(Beijing(12, 2, 7, 0), QuietHours.Default.SendTimeFor(Beijing(12, 1, 23, 59)));

    [Fact]
    public void SendTimeFor_Midnight_MovesToSevenTheSameMorning() =>
        Assert.Equal(Beijing(12, 2, 7, 0), QuietHours.Default.SendTimeFor(Beijing(12, 2, 0, 0)));

    [Fact]
    public void SendTimeFor_0659_MovesToSevenTheSameMorning() =>
        Assert.Equal(Beijing(12, 2, 7, 0), QuietHours.Default.SendTimeFor(Beijing(12, 2, 6, 59)));

    [Fact]
    public void SendTimeFor_0700_IsUnchanged()
    {
        var due = Beijing(12, 2, 7, 0);

        Assert.Equal(due, QuietHours.Default.SendTimeFor(due));
        Assert.False(QuietHours.Default.IsQuiet(due));
    }

    [Fact]
    public void SendTimeFor_UtcDateDiffersFromBeijingDate_UsesTheBeijingDay()
    {
        // 2026-12-01 15:30 UTC is 23:30 in Beijing; seven next Beijing morning is 2026-12-01 23:00 UTC.
        var due = new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero);

        var sendAt = QuietHours.Default.SendTimeFor(due);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero), sendAt);
        Assert.Equal(TimeSpan.Zero, sendAt.Offset);
    }

    [Fact]
    public void SendTimeFor_NewYearsEve_MovesIntoTheNewYear() =>
        Assert.Equal(Beijing(1, 1, 7, 0, year: 2027), QuietHours.Default.SendTimeFor(Beijing(12, 31, 22, 30)));

    [Fact]
    public void SendTimeFor_GivenInBeijingOffset_AnswersInTheSameOffset()
    {
        var due = new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.FromHours(8));

        var sendAt = QuietHours.Default.SendTimeFor(due);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.FromHours(8)), sendAt);
        Assert.Equal(TimeSpan.FromHours(8), sendAt.Offset);
    }

    [Theory]
    [InlineData(11, 59, 11, 59)]
    [InlineData(12, 0, 14, 0)]
    [InlineData(13, 59, 14, 0)]
    [InlineData(14, 0, 14, 0)]
    [InlineData(23, 0, 23, 0)]
    [InlineData(3, 0, 3, 0)]
    public void SendTimeFor_WindowNotCrossingMidnight_ShiftsOnlyInsideIt(int hour, int minute, int sendHour, int sendMinute)
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));

        Assert.False(lunch.CrossesMidnight);
        Assert.Equal(Beijing(12, 1, sendHour, sendMinute), lunch.SendTimeFor(Beijing(12, 1, hour, minute)));
    }

    [Theory]
    [InlineData(20, 59, 1, 20, 59)]
    [InlineData(21, 0, 2, 8, 30)]
    [InlineData(8, 29, 1, 8, 30)]
    [InlineData(8, 30, 1, 8, 30)]
    public void SendTimeFor_ConfiguredWindow_UsesItsStartAndEnd(int hour, int minute, int sendDay, int sendHour, int sendMinute)
    {
        var quiet = new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 30));

        Assert.True(quiet.CrossesMidnight);
        Assert.Equal(Beijing(12, sendDay, sendHour, sendMinute), quiet.SendTimeFor(Beijing(12, 1, hour, minute)));
    }

    [Fact]
    public void SendTimeFor_EqualStartAndEnd_HasNoQuietHours()
    {
        var none = new QuietHours(new TimeOnly(22, 0), new TimeOnly(22, 0));

        Assert.Equal(Beijing(12, 1, 22, 0), none.SendTimeFor(Beijing(12, 1, 22, 0)));
        Assert.Equal(Beijing(12, 1, 3, 0), none.SendTimeFor(Beijing(12, 1, 3, 0)));
    }

    [Fact]
    public void LastSendTimeAtOrBefore_OutsideQuietHours_IsUnchanged() =>
        Assert.Equal(Beijing(12, 1, 21, 59), QuietHours.Default.LastSendTimeAtOrBefore(Beijing(12, 1, 21, 59)));

    [Theory]
    [InlineData(22, 0)]
    [InlineData(23, 59)]
    public void LastSendTimeAtOrBefore_LateEvening_IsTheMinuteBeforeTenTheSameEvening(int hour, int minute) =>
        Assert.Equal(Beijing(12, 1, 21, 59), QuietHours.Default.LastSendTimeAtOrBefore(Beijing(12, 1, hour, minute)));

    [Fact]
    public void LastSendTimeAtOrBefore_AfterMidnight_IsTheMinuteBeforeTenThePreviousEvening() =>
        Assert.Equal(Beijing(12, 1, 21, 59), QuietHours.Default.LastSendTimeAtOrBefore(Beijing(12, 2, 6, 59)));

    [Theory]
    [InlineData("22:00-07:00", 22, 0, 7, 0)]
    [InlineData(" 12:30 - 14:00 ", 12, 30, 14, 0)]
    public void TryParse_HoursAndMinutes_ReadsTheWindow(string text, int startHour, int startMinute, int endHour, int endMinute)
    {
        Assert.True(QuietHours.TryParse(text, out var quiet));
        Assert.Equal(new QuietHours(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute)), quiet);
    }

    [Theory]
    [InlineData("")]
    [InlineData("22:00")]
    [InlineData("22-7")]
    [InlineData("25:00-07:00")]
    public void TryParse_OtherText_IsRefused(string text) => Assert.False(QuietHours.TryParse(text, out _));
}
