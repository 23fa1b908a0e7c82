namespace Deliberation.Civic.Issues;

/// <summary>
/// The weights of the complaint ranking (section <c>Deliberation:Ranking</c>); see
/// <see cref="ComplaintRanking"/> for the formula. Weights are relative: the score divides by their sum.
/// </summary>
public sealed class RankingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Ranking";

    /// <summary>Weight of how many residents reported it (default 0.3): the strongest reaction.</summary>
    public double Reporters { get; set; } = 0.3;

    /// <summary>Weight of urgency (default 0.25): the most pressing need.</summary>
    public double Urgency { get; set; } = 0.25;

    /// <summary>Weight of severity (default 0.25).</summary>
    public double Severity { get; set; } = 0.25;

    /// <summary>Weight of the share of the community's households affected (default 0.2): the widest impact.</summary>
    public double Share { get; set; } = 0.2;

    /// <summary>
    /// How many reporters count as the most (default 50). The reporter part grows with the logarithm of
    /// the count, so the fifth resident adds more than the fiftieth, and reaches 1 here.
    /// </summary>
    public double ReporterSaturation { get; set; } = 50;

    /// <summary>The sum of the four weights.</summary>
    public double TotalWeight => Reporters + Urgency + Severity + Share;

    /// <summary>Why these options cannot rank: a negative weight, weights summing to zero, a saturation below 1. Empty when they can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, weight) in new[] { ("Reporters", Reporters), ("Urgency", Urgency), ("Severity", Severity), ("Share", Share) })
        {
            if (!double.IsFinite(weight) || weight < 0) problems.Add($"{SectionName}:{name} must be a number ≥ 0, not {weight}.");
        }
        if (problems.Count == 0 && !(TotalWeight > 0)) problems.Add($"The weights of {SectionName} must not all be 0.");
        if (!double.IsFinite(ReporterSaturation) || ReporterSaturation < 1)
            problems.Add($"{SectionName}:ReporterSaturation must be a number ≥ 1, not {ReporterSaturation}.");
        return problems;
    }
}
