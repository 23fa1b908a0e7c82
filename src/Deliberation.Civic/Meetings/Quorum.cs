using Deliberation.Civic.Decisions;

namespace Deliberation.Civic.Meetings;

/// <summary>Quorum arithmetic over eligible voters (advisors excluded unless the rules let them vote).</summary>
public static class Quorum
{
    /// <summary>The fewest voters that reach <paramref name="quorum"/> of <paramref name="eligible"/>: ⌈quorum × eligible⌉, at least 1.</summary>
    public static int Needed(Fraction quorum, int eligible)
    {
        ArgumentNullException.ThrowIfNull(quorum);
        ArgumentOutOfRangeException.ThrowIfNegative(eligible);
        var needed = (eligible * quorum.Numerator + quorum.Denominator - 1) / quorum.Denominator;
        return (int)Math.Max(1, needed);
    }
}
