using Deliberation.Civic.Scheduling;

namespace Deliberation.Civic.Asking;

/// <summary>When the reminders to those who have not answered a question go out.</summary>
public static class AskReminders
{
    /// <summary>The shortest interval between reminders: nobody is reminded more than once an hour.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromHours(1);

    /// <summary>The most reminders of one question.</summary>
    public const int MaxReminders = 10;

    /// <summary>
    /// The next reminder: <paramref name="interval"/> after <paramref name="from"/> (the question, or the last reminder),
    /// moved out of the quiet hours to their end (Beijing time). Null — no more reminders — when that is not before the
    /// deadline: a reminder at or after it is worth nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is shorter than <see cref="MinInterval"/>.</exception>
    public static DateTimeOffset? Next(DateTimeOffset from, TimeSpan interval, QuietHours quietHours, DateTimeOffset? closesAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, MinInterval);
        ArgumentNullException.ThrowIfNull(quietHours);
        var sendAt = quietHours.SendTimeFor(from + interval);
        return closesAt is { } deadline && sendAt >= deadline ? null : sendAt;
    }
}
