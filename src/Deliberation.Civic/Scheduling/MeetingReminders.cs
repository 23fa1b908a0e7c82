namespace Deliberation.Civic.Scheduling;

/// <summary>
/// Plans the reminders before a meeting: each offset before the start gives a due instant, moved out of
/// the quiet hours (<see cref="QuietHours.SendTimeFor"/>). A reminder that would then go out at or
/// after the start of the meeting is dropped — too late to remind anyone — and so is one that would go
/// out at the same instant as an earlier one; both stay in the plan, marked, so the page can say why.
/// </summary>
public static class MeetingReminders
{
    /// <summary>The default offsets: 24 hours and 2 hours before the meeting.</summary>
    public static IReadOnlyList<TimeSpan> DefaultOffsets { get; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(2)];

    /// <summary>Plans the reminders, earliest first.</summary>
    /// <param name="meetingAt">The start of the meeting.</param>
    /// <param name="offsetsBefore">How long before the start each reminder is due; <see cref="DefaultOffsets"/> when null.</param>
    /// <param name="quietHours">The quiet hours; <see cref="QuietHours.Default"/> when null.</param>
    /// <returns>One entry per distinct offset, largest offset first, with its due and send instants in the offset of <paramref name="meetingAt"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An offset of zero or less.</exception>
    public static IReadOnlyList<PlannedReminder> Plan(DateTimeOffset meetingAt, IEnumerable<TimeSpan>? offsetsBefore = null, QuietHours? quietHours = null)
    {
        var offsets = (offsetsBefore ?? DefaultOffsets).Distinct().OrderDescending().ToList();
        foreach (var offset in offsets) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(offset, TimeSpan.Zero, nameof(offsetsBefore));
        var quiet = quietHours ?? QuietHours.Default;

        var plan = new List<PlannedReminder>(offsets.Count);
        DateTimeOffset? lastSent = null;
        foreach (var offset in offsets)
        {
            var due = meetingAt - offset;
            var sendAt = quiet.SendTimeFor(due);
            string? dropped = null;
            if (sendAt >= meetingAt) dropped = ReminderDropReasons.NotBeforeMeeting;
            else if (sendAt == lastSent) dropped = ReminderDropReasons.SameInstant;
            else lastSent = sendAt;
            plan.Add(new PlannedReminder(offset, due, sendAt, dropped));
        }
        return plan;
    }
}
