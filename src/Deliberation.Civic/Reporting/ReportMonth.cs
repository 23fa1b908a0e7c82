using System.Globalization;

namespace Deliberation.Civic.Reporting;

/// <summary>A calendar month on Beijing's clock (Asia/Shanghai), the unit the committee's rates are counted in.</summary>
/// <param name="Key">The month as <c>yyyy-MM</c>, e.g. <c>2026-12</c>.</param>
/// <param name="From">Its first instant: the 1st, 00:00 Beijing time.</param>
/// <param name="To">The first instant of the next month (not in this one).</param>
public sealed record ReportMonth(string Key, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Whether <paramref name="at"/> falls in the month.</summary>
    public bool Holds(DateTimeOffset at) => at >= From && at < To;

    /// <summary>The month that starts on <paramref name="first"/>'s month (its day is ignored).</summary>
    public static ReportMonth Of(DateOnly first)
    {
        var start = new DateOnly(first.Year, first.Month, 1).ToDateTime(TimeOnly.MinValue);
        var next = start.AddMonths(1);
        return new ReportMonth(string.Create(CultureInfo.InvariantCulture, $"{start.Year:D4}-{start.Month:D2}"),
            new DateTimeOffset(start, BeijingTime.Zone.GetUtcOffset(start)), new DateTimeOffset(next, BeijingTime.Zone.GetUtcOffset(next)));
    }

    /// <summary>The month (Beijing time) that holds <paramref name="at"/>.</summary>
    public static ReportMonth Holding(DateTimeOffset at)
    {
        var local = BeijingTime.ToBeijing(at);
        return Of(new DateOnly(local.Year, local.Month, 1));
    }

    /// <summary>The last <paramref name="count"/> months up to and with the one holding <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<ReportMonth> Last(int count, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var current = BeijingTime.ToBeijing(now);
        var first = new DateOnly(current.Year, current.Month, 1);
        return Enumerable.Range(0, count).Select(i => Of(first.AddMonths(i - count + 1))).ToList();
    }
}
