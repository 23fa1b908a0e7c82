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

    /// <summary>Why these rules cannot decide anything, by field; empty when they can.</summary>
    public IReadOnlyList<RuleProblem> Validate()
    {
        var problems = new List<RuleProblem>();
        if (!DecisionRules.All.Contains(Rule))
            problems.Add(new("rule", RulesFields.RuleUnknown.With(("rule", Rule), ("rules", string.Join(", ", DecisionRules.All)))));
        if (Quorum is null) problems.Add(new("quorum", RulesFields.QuorumMissing.Error()));
        else if (Quorum.Numerator == 0 || Quorum.IsGreaterThan(Fraction.One)) problems.Add(new("quorum", RulesFields.QuorumRange.With(("quorum", Quorum))));
        if (IsCoOwners)
        {
            if (!Article278Matters.All.Contains(Article278Matter ?? ""))
                problems.Add(new("article278Matter", RulesFields.Article278Matter.With(("matters", string.Join(" or ", Article278Matters.All)))));
            if (Quorum is not null && Fraction.TwoThirds.IsGreaterThan(Quorum))
                problems.Add(new("quorum", RulesFields.Article278Quorum.With(("quorum", Quorum))));
            if (AdvisorsVote) problems.Add(new("advisorsVote", RulesFields.OwnersOnly.Error()));
        }
        return problems;
    }
}
