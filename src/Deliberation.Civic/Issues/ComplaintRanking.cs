namespace Deliberation.Civic.Issues;

/// <summary>
/// Ranks complaints so that staff can anchor the one with the strongest reaction, the most urgency and
/// the widest impact (锚定问题). Each complaint scores
/// <c>100 · (wR·R + wU·U + wS·S + wH·H) / (wR + wU + wS + wH)</c>, where
/// <c>R = min(1, log10(1 + reporters) / log10(1 + ReporterSaturation))</c>, <c>U = (urgency − 1) / 4</c>,
/// <c>S = (severity − 1) / 4</c> and <c>H</c> = affected households / households in the community.
/// Ties go to the complaint logged first.
/// </summary>
public static class ComplaintRanking
{
    /// <summary>The part names, in the order <see cref="RankedComplaint.Parts"/> lists them.</summary>
    public static readonly string[] PartNames = ["reporters", "urgency", "severity", "share"];

    /// <summary>Ranks the candidates, highest score first.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="RankingOptions.Validate"/>).</exception>
    public static IReadOnlyList<RankedComplaint> Rank(IEnumerable<RankingCandidate> candidates, int communityHouseholds, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        var scored = candidates.Select(c => (Candidate: c, Values: Normalize(c, communityHouseholds, options))).ToList();
        return scored
            .Select(s => (s.Candidate, s.Values, Exact: Exact(s.Values, options)))
            .OrderByDescending(s => s.Exact)
            .ThenBy(s => s.Candidate.Complaint.LoggedAt)
            .ThenBy(s => s.Candidate.Complaint.Id)
            .Select((s, i) => new RankedComplaint(i + 1, s.Candidate.Complaint, Math.Round(s.Exact, 1, MidpointRounding.AwayFromZero),
                Parts(s.Candidate, s.Values, options), s.Candidate.AffectedHouseholds, communityHouseholds))
            .ToList();
    }

    /// <summary>R: the reporter part, logarithmic and capped at 1 from <see cref="RankingOptions.ReporterSaturation"/> reporters.</summary>
    public static double ReporterPart(int reporters, double saturation) =>
        Math.Min(1, Math.Log10(1 + Math.Max(0, reporters)) / Math.Log10(1 + saturation));

    /// <summary>U or S: a 1–5 rating on 0–1.</summary>
    public static double RatingPart(int rating) => (Math.Clamp(rating, 1, 5) - 1) / 4.0;

    /// <summary>H: the share of the community's households affected (0 when the roster has none).</summary>
    public static double SharePart(int affected, int communityHouseholds) =>
        communityHouseholds <= 0 ? 0 : Math.Min(1, (double)affected / communityHouseholds);

    private static double[] Normalize(RankingCandidate c, int households, RankingOptions o) =>
    [
        ReporterPart(c.Complaint.ReporterCount, o.ReporterSaturation),
        RatingPart(c.Complaint.Urgency),
        RatingPart(c.Complaint.Severity),
        SharePart(c.AffectedHouseholds, households),
    ];

    private static double[] Weights(RankingOptions o) => [o.Reporters, o.Urgency, o.Severity, o.Share];

    private static double Exact(double[] values, RankingOptions o) =>
        100 * values.Zip(Weights(o), (v, w) => v * w).Sum() / o.TotalWeight;

    private static ScorePart[] Parts(RankingCandidate c, double[] values, RankingOptions o)
    {
        double[] raw = [c.Complaint.ReporterCount, c.Complaint.Urgency, c.Complaint.Severity, c.AffectedHouseholds];
        var weights = Weights(o);
        return PartNames.Select((name, i) => new ScorePart(name, raw[i], Math.Round(values[i], 4, MidpointRounding.AwayFromZero), weights[i],
            Math.Round(100 * weights[i] * values[i] / o.TotalWeight, 2, MidpointRounding.AwayFromZero))).ToArray();
    }
}
