namespace Deliberation.Civic.Reporting;

/// <summary>A share counted in one month: how many of how many. No denominator means no rate, never 0%.</summary>
/// <param name="Numerator">How many met the definition (responded in time, resolved, satisfied).</param>
/// <param name="Denominator">How many were counted.</param>
public sealed record Rate(int Numerator, int Denominator)
{
    /// <summary>The share in percent, to one decimal; null when nothing was counted.</summary>
    public double? Percent => Denominator == 0 ? null : Math.Round(100.0 * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);

    /// <summary>Counts the items that met <paramref name="met"/>.</summary>
    public static Rate Of<T>(IEnumerable<T> counted, Func<T, bool> met)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(met);
        int numerator = 0, denominator = 0;
        foreach (var item in counted)
        {
            denominator++;
            if (met(item)) numerator++;
        }
        return new Rate(numerator, denominator);
    }
}
