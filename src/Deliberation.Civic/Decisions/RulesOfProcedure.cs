namespace Deliberation.Civic.Decisions;

/// <summary>
/// A deliberation's rules of procedure (议事规则): how it decides, its quorum and whether professional
/// advisors vote. Chosen from a <see cref="RulesTemplates">template</see> and edited with <c>with</c>;
/// <see cref="Validate"/> says whether an edit makes sense. Who votes and who advises is on each
/// <see cref="Ballot"/> of the roll.
/// </summary>
public sealed record RulesOfProcedure
{
    /// <summary>One of <see cref="DecisionRules"/>. Default <see cref="DecisionRules.SimpleMajority"/>.</summary>
    public string Rule { get; init; } = DecisionRules.SimpleMajority;

    /// <summary>
    /// The quorum, a fraction of the eligible voters (advisors excluded unless they vote) who must be
    /// present — voting, abstaining or standing aside. Default 1/2. Under
    /// <see cref="DecisionRules.CoOwners"/> it is the participation threshold, applied to both headcount
    /// and exclusive area, and may not be below Article 278's 2/3.
    /// </summary>
    public Fraction Quorum { get; init; } = Fraction.Half;

    /// <summary>
    /// Whether professional advisors (律师、会计师) vote. Default false: they advise, and are neither
    /// counted for the quorum nor in the votes. Never under <see cref="DecisionRules.CoOwners"/>, where
    /// only owners decide.
    /// </summary>
    public bool AdvisorsVote { get; init; }

    /// <summary>
    /// Under <see cref="DecisionRules.CoOwners"/>, one of <see cref="Article278Matters"/>; required there and
    /// ignored by the other rules.
    /// </summary>
    public string? Article278Matter { get; init; }

    /// <summary>Whether voters absent from the meeting may vote by link while a vote is open.</summary>
    public bool AbsentMayVoteByLink { get; init; } = true;

    /// <summary>Whether the rule is the co-owners' double threshold of Article 278.</summary>
    public bool IsCoOwners => Rule == DecisionRules.CoOwners;

    /// <summary>Why these rules cannot decide anything; empty when they can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!DecisionRules.All.Contains(Rule)) problems.Add($"Unknown decision rule '{Rule}'; one of {string.Join(", ", DecisionRules.All)}.");
        if (Quorum is null) problems.Add("The quorum is missing.");
        else if (Quorum.Numerator == 0 || Quorum.IsGreaterThan(Fraction.One)) problems.Add($"The quorum must be above 0 and at most 1, not {Quorum}.");
        if (IsCoOwners)
        {
            if (!Article278Matters.All.Contains(Article278Matter ?? ""))
                problems.Add($"A co-owners' decision needs the Article 278 matter: {string.Join(" or ", Article278Matters.All)}.");
            if (Quorum is not null && Fraction.TwoThirds.IsGreaterThan(Quorum))
                problems.Add($"Article 278 requires owners holding 2/3 of the area and 2/3 of the owners to take part; a quorum of {Quorum} is too low.");
            if (AdvisorsVote) problems.Add("Only owners vote on a co-owners' decision; advisors cannot.");
        }
        return problems;
    }
}
