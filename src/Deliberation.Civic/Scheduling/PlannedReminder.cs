namespace Deliberation.Civic.Scheduling;

/// <summary>One reminder before a meeting.</summary>
/// <param name="Before">How long before the meeting it was asked for (24 h, 2 h).</param>
/// <param name="DueAt">The meeting start minus <paramref name="Before"/>.</param>
/// <param name="SendAt">When it goes out: <paramref name="DueAt"/>, or the end of the quiet hours it fell in.</param>
/// <param name="DroppedBecause">One of <see cref="ReminderDropReasons"/> when it is not sent; null when it is.</param>
public sealed record PlannedReminder(TimeSpan Before, DateTimeOffset DueAt, DateTimeOffset SendAt, string? DroppedBecause)
{
    /// <summary>Whether quiet hours moved it.</summary>
    public bool Shifted => SendAt != DueAt;

    /// <summary>Whether it is not sent.</summary>
    public bool Dropped => DroppedBecause is not null;
}
