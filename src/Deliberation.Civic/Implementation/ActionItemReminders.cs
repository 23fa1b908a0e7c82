using Deliberation.Civic.Scheduling;

namespace Deliberation.Civic.Implementation;

/// <summary>When the reminder before an action item's due date goes out.</summary>
public static class ActionItemReminders
{
    /// <summary>The default: three days before the due date.</summary>
    public static readonly TimeSpan DefaultBefore = TimeSpan.FromDays(3);

    /// <summary>
    /// The instant of the reminder: <paramref name="before"/> the due date, moved out of the quiet hours to their end
    /// (Beijing time). Null — no reminder — when that instant is not after <paramref name="now"/> (the item was assigned
    /// too close to its due date: the assignment email is the reminder) or not before the due date.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="before"/> is zero or less.</exception>
    public static DateTimeOffset? Plan(DateTimeOffset dueAt, TimeSpan before, DateTimeOffset now, QuietHours? quietHours = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(before, TimeSpan.Zero);
        var sendAt = (quietHours ?? QuietHours.Default).SendTimeFor(dueAt - before);
        return sendAt > now && sendAt < dueAt ? sendAt : null;
    }
}
