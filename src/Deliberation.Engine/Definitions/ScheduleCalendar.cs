using Cronos;

namespace Deliberation.Engine.Definitions;

/// <summary>
/// A definition's schedule made computable: its cron parsed (with Cronos, five standard fields) and its time zone
/// found. Occurrences are instants; they come back on the schedule's own clock (Beijing time, +08:00, by default).
/// </summary>
public sealed class ScheduleCalendar
{
    /// <summary>
    /// The shortest gap allowed between two occurrences. A deliberation is convened at most daily; a cron that fires
    /// every few minutes is a slip of the pen that would start hundreds of instances.
    /// </summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(1);

    private readonly CronExpression _cron;

    private ScheduleCalendar(CronExpression cron, TimeZoneInfo zone)
    {
        _cron = cron;
        Zone = zone;
    }

    /// <summary>The zone the cron reads in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Parses a cron expression; false when it is not five valid fields.</summary>
    public static bool IsValidCron(string? cron) =>
        !string.IsNullOrWhiteSpace(cron) && CronExpression.TryParse(cron.Trim(), CronFormat.Standard, out _);

    /// <summary>Finds a time zone by IANA id (null or empty: Beijing time); false when this machine does not know it.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        var name = string.IsNullOrWhiteSpace(id) ? WorkflowSchedule.DefaultTimeZone : id.Trim();
        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found))
        {
            zone = found;
            return true;
        }
        // A slim container without a time-zone database still knows Beijing time exactly: UTC+8, no daylight saving since 1991.
        zone = name == WorkflowSchedule.DefaultTimeZone
            ? TimeZoneInfo.CreateCustomTimeZone(name, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time")
            : TimeZoneInfo.Utc;
        return name == WorkflowSchedule.DefaultTimeZone;
    }

    /// <summary>The calendar of a schedule, or null when its cron or time zone is invalid (the validator says which).</summary>
    public static ScheduleCalendar? TryCreate(WorkflowSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (string.IsNullOrWhiteSpace(schedule.Cron) || !CronExpression.TryParse(schedule.Cron.Trim(), CronFormat.Standard, out var cron)) return null;
        return TryFindZone(schedule.TimeZone, out var zone) ? new ScheduleCalendar(cron, zone) : null;
    }

    /// <summary>The next <paramref name="count"/> occurrences strictly after <paramref name="after"/>, on the schedule's clock.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset after, int count)
    {
        var list = new List<DateTimeOffset>(count);
        var from = after;
        while (list.Count < count && _cron.GetNextOccurrence(from, Zone, inclusive: false) is { } next)
        {
            list.Add(next);
            from = next;
        }
        return list;
    }

    /// <summary>The newest occurrence at or before <paramref name="at"/>, or null (a cron such as 30 February that never occurs).</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset at) => _cron.GetPreviousOccurrence(at, Zone, inclusive: true);

    /// <summary>The occurrence just before <paramref name="occurrence"/>, or null.</summary>
    public DateTimeOffset? Before(DateTimeOffset occurrence) => _cron.GetPreviousOccurrence(occurrence, Zone, inclusive: false);

    /// <summary>
    /// The shortest gap between consecutive occurrences over a year of them, counted from a fixed day so that the
    /// verdict on a definition never depends on when it is checked; null when it occurs at most once.
    /// </summary>
    public TimeSpan? ShortestGap()
    {
        var occurrences = Next(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 400);
        TimeSpan? shortest = null;
        for (var i = 1; i < occurrences.Count; i++)
        {
            var gap = occurrences[i] - occurrences[i - 1];
            if (shortest is null || gap < shortest) shortest = gap;
        }
        return shortest;
    }
}
