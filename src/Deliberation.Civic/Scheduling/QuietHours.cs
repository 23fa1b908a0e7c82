using System.Globalization;

namespace Deliberation.Civic.Scheduling;

/// <summary>
/// The hours on Beijing's clock (<see cref="BeijingTime.Zone"/>) when no reminder goes out; a reminder
/// due then goes out when they end. The window runs from <see cref="Start"/> (quiet from this minute)
/// to <see cref="End"/> (sending again from this minute) and crosses midnight when the start is later
/// than the end, as the default 22:00–07:00 does. Equal start and end mean no quiet hours.
/// </summary>
/// <param name="Start">The first quiet moment, Beijing time (inclusive).</param>
/// <param name="End">The first moment after the quiet hours, Beijing time (exclusive).</param>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>22:00–07:00 Beijing time: nobody is woken by a reminder, and the evening's last messages go out before ten.</summary>
    public static QuietHours Default { get; } = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    /// <summary>Whether the window crosses midnight (starts later in the day than it ends).</summary>
    public bool CrossesMidnight => Start > End;

    /// <summary>Whether the instant falls in the quiet hours.</summary>
    public bool IsQuiet(DateTimeOffset at) => QuietUntil(at) is not null;

    /// <summary>
    /// When a reminder due at <paramref name="due"/> should go out: unchanged outside the quiet hours,
    /// otherwise the end of this quiet window — the same Beijing day for a due time before the end, the
    /// next day for one after a start late in the evening. Returned in the offset of <paramref name="due"/>.
    /// </summary>
    public DateTimeOffset SendTimeFor(DateTimeOffset due) => QuietUntil(due)?.ToOffset(due.Offset) ?? due;

    /// <summary>
    /// The latest time at or before <paramref name="due"/> outside the quiet hours: unchanged outside them, otherwise
    /// the last minute before this quiet window began (21:59 with the default) — for a reminder that must go out
    /// before something the end of the quiet hours would miss. Returned in the offset of <paramref name="due"/>.
    /// </summary>
    public DateTimeOffset LastSendTimeAtOrBefore(DateTimeOffset due) =>
        QuietWindow(due) is { } window ? window.Since.AddMinutes(-1).ToOffset(due.Offset) : due;

    /// <summary>Reads quiet hours written as <c>HH:mm-HH:mm</c> on Beijing's clock, e.g. <c>22:00-07:00</c>.</summary>
    /// <returns>False, with <paramref name="quietHours"/> null, when the text is not in that form.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out QuietHours? quietHours)
    {
        quietHours = null;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return false;
        quietHours = new QuietHours(start, end);
        return true;
    }

    /// <summary>The end of the quiet window <paramref name="at"/> is in; null when it is not in one.</summary>
    private DateTimeOffset? QuietUntil(DateTimeOffset at) => QuietWindow(at)?.Until;

    /// <summary>The quiet window <paramref name="at"/> is in, from its start to its end; null when it is not in one.</summary>
    private (DateTimeOffset Since, DateTimeOffset Until)? QuietWindow(DateTimeOffset at)
    {
        if (Start == End) return null;
        var local = BeijingTime.ToBeijing(at);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        if (CrossesMidnight)
        {
            if (time >= Start) return (OnBeijingClock(day, Start), OnBeijingClock(day.AddDays(1), End));
            if (time < End) return (OnBeijingClock(day.AddDays(-1), Start), OnBeijingClock(day, End));
            return null;
        }
        return time >= Start && time < End ? (OnBeijingClock(day, Start), OnBeijingClock(day, End)) : null;
    }

    private static DateTimeOffset OnBeijingClock(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, BeijingTime.Zone.GetUtcOffset(local));
    }
}
