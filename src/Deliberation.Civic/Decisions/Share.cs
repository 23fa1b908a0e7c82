using System.Globalization;

namespace Deliberation.Civic.Decisions;

/// <summary>
/// A part of a whole — 7 yes of 10 votes cast, 700 m² of 1,000 m² — kept as the two figures, so that a
/// threshold is checked exactly: <c>part · d ≥ n · whole</c> for a fraction <c>n/d</c>. The percentage
/// is for display only.
/// </summary>
/// <param name="Part">The part (a count, or an area in square metres).</param>
/// <param name="Whole">The whole it is measured against.</param>
public sealed record Share(decimal Part, decimal Whole)
{
    /// <summary>The part as a percentage of the whole, rounded to 2 decimals for display; null when the whole is 0.</summary>
    public decimal? Percent => Whole == 0 ? null : Math.Round(Part * 100 / Whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Whether the part is at least <paramref name="threshold"/> of the whole (<c>part · d ≥ n · whole</c>).
    /// Never reached when the whole is 0: nothing out of nothing meets no threshold.
    /// </summary>
    public bool Reaches(Fraction threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return Whole > 0 && Part * threshold.Denominator >= threshold.Numerator * Whole;
    }

    /// <summary>
    /// Whether the part is more than <paramref name="threshold"/> of the whole (<c>part · d &gt; n · whole</c>).
    /// Never exceeded when the whole is 0.
    /// </summary>
    public bool Exceeds(Fraction threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return Whole > 0 && Part * threshold.Denominator > threshold.Numerator * Whole;
    }

    /// <summary>The percentage as text, <c>70%</c> or <c>66.67%</c>; <c>—</c> when the whole is 0.</summary>
    public string PercentText => Percent is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";
}
