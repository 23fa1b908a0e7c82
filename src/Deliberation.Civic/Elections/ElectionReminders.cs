using Deliberation.Civic.Scheduling;

namespace Deliberation.Civic.Elections;

/// <summary>When the reminder to those who have not voted goes out.</summary>
public static class ElectionReminders
{
    /// <summary>
    /// The instant of the reminder: <paramref name="before"/> the ballot deadline, moved out of the quiet hours (Beijing
    /// time) to their end. When their end is at or after the deadline (a deadline early in the morning), the reminder goes
    /// out instead the evening before, in the last minute before the quiet hours began: a ballot reminder is worth more
    /// than a meeting reminder, and one that comes after the deadline is worth nothing. Null — no reminder — when the
    /// instant is not after the ballot opens (the ballot email is the reminder) or not before the deadline.
    /// </summary>
    /// <param name="ballotOpensAt">When the ballots go out (nominations close).</param>
    /// <param name="ballotClosesAt">The ballot deadline.</param>
    /// <param name="before">How long before the deadline; zero or less means no reminder.</param>
    /// <param name="quietHours">The quiet hours; <see cref="QuietHours.Default"/> when null.</param>
    public static DateTimeOffset? Plan(DateTimeOffset ballotOpensAt, DateTimeOffset ballotClosesAt, TimeSpan before, QuietHours? quietHours = null)
    {
        if (before <= TimeSpan.Zero) return null;
        var quiet = quietHours ?? QuietHours.Default;
        var due = ballotClosesAt - before;
        var sendAt = quiet.SendTimeFor(due);
        if (sendAt >= ballotClosesAt) sendAt = quiet.LastSendTimeAtOrBefore(due);
        return sendAt > ballotOpensAt && sendAt < ballotClosesAt ? sendAt : null;
    }
}
