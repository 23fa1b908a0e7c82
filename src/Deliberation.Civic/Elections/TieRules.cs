namespace Deliberation.Civic.Elections;

/// <summary>What happens when candidates tie for the last seat.</summary>
public static class TieRules
{
    /// <summary>Draw lots: a random seed is recorded and orders the tied candidates (see <see cref="PluralityCount"/>).</summary>
    public const string Lots = "lots";

    /// <summary>Staff decide, with a recorded reason.</summary>
    public const string Staff = "staff";

    /// <summary>Every rule.</summary>
    public static IReadOnlyList<string> All { get; } = [Lots, Staff];
}
