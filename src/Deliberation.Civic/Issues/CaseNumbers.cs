using System.Globalization;

namespace Deliberation.Civic.Issues;

/// <summary>
/// Case numbers of anchored issues: <c>{COMMUNITY CODE}-{year}-{nnn}</c>, e.g. <c>DALONG-2026-003</c>,
/// counted per community and per year on Beijing's calendar (a complaint anchored at 01:00 on
/// 1 January Beijing time is in the new year, though it is still 31 December in UTC).
/// </summary>
public static class CaseNumbers
{
    /// <summary>The year of an instant on Beijing's calendar.</summary>
    public static int YearInBeijing(DateTimeOffset at) => BeijingTime.ToBeijing(at).Year;

    /// <summary>What every case number of the community in that year starts with, e.g. <c>DALONG-2026-</c>.</summary>
    public static string Prefix(string communityCode, int year) =>
        $"{communityCode.Trim().ToUpperInvariant()}-{year.ToString("D4", CultureInfo.InvariantCulture)}-";

    /// <summary>
    /// The next case number after <paramref name="existing"/> (the community's case numbers; others are ignored):
    /// one more than the highest sequence with the year's prefix, at least three digits.
    /// </summary>
    public static string Next(string communityCode, DateTimeOffset at, IEnumerable<string> existing)
    {
        var prefix = Prefix(communityCode, YearInBeijing(at));
        var highest = 0;
        foreach (var number in existing)
        {
            if (number.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(number.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                highest = Math.Max(highest, sequence);
        }
        return prefix + (highest + 1).ToString("D3", CultureInfo.InvariantCulture);
    }
}
