namespace Deliberation.Civic.Tests.Support;

/// <summary>Instants written as Beijing wall-clock times, as residents read them; the scheduler holds them in UTC.</summary>
public static class BeijingClock
{
    /// <summary>The instant of that Beijing time in December 2026, in UTC.</summary>
    public static DateTimeOffset December(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();
}
