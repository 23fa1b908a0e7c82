namespace Deliberation.Civic.Decisions;

/// <summary>The built-in templates of rules of procedure. Each is a default; a deliberation edits its copy.</summary>
public static class RulesTemplates
{
    /// <summary>居民议事会(简单多数): quorum 1/2, simple majority of votes cast, advisors do not vote.</summary>
    public static RulesTemplate ResidentsCouncil { get; } = new("residents-council", "居民议事会（简单多数）", "Residents' council (simple majority)",
        new RulesOfProcedure { Rule = DecisionRules.SimpleMajority, Quorum = Fraction.Half });

    /// <summary>居民议事会(三分之二多数): quorum 2/3, two-thirds of votes cast, advisors do not vote.</summary>
    public static RulesTemplate ResidentsCouncilTwoThirds { get; } = new("residents-council-two-thirds", "居民议事会（三分之二多数）",
        "Residents' council (two-thirds majority)", new RulesOfProcedure { Rule = DecisionRules.TwoThirds, Quorum = Fraction.TwoThirds });

    /// <summary>
    /// 业主共同决定(民法典第278条·第六至八项): maintenance funds, rebuilding or altering buildings and
    /// facilities (installing a lift), changing the use of common parts — 2/3 take part, 3/4 approve.
    /// </summary>
    public static RulesTemplate CoOwnersItems6To8 { get; } = new("co-owners-art278-items-6-8", "业主共同决定（民法典第278条·第六至八项）",
        "Co-owners' decision (Civil Code Art. 278, items 6–8)",
        new RulesOfProcedure { Rule = DecisionRules.CoOwners, Quorum = Fraction.TwoThirds, Article278Matter = Article278Matters.Items6To8 });

    /// <summary>业主共同决定(民法典第278条·其他事项): 2/3 take part, more than half approve.</summary>
    public static RulesTemplate CoOwnersOther { get; } = new("co-owners-art278-other", "业主共同决定（民法典第278条·其他事项）",
        "Co-owners' decision (Civil Code Art. 278, other matters)",
        new RulesOfProcedure { Rule = DecisionRules.CoOwners, Quorum = Fraction.TwoThirds, Article278Matter = Article278Matters.Other });

    /// <summary>共识决: quorum 2/3, no one against and at least one in favour.</summary>
    public static RulesTemplate Consensus { get; } = new("consensus", "共识决", "Consensus",
        new RulesOfProcedure { Rule = DecisionRules.Consensus, Quorum = Fraction.TwoThirds });

    /// <summary>同意决: quorum 2/3, no blocking objection; stand-asides recorded.</summary>
    public static RulesTemplate Consent { get; } = new("consent", "同意决", "Consent",
        new RulesOfProcedure { Rule = DecisionRules.Consent, Quorum = Fraction.TwoThirds });

    /// <summary>Every template, in the order the page offers them.</summary>
    public static IReadOnlyList<RulesTemplate> All { get; } =
        [ResidentsCouncil, ResidentsCouncilTwoThirds, CoOwnersItems6To8, CoOwnersOther, Consensus, Consent];

    /// <summary>The template with this code; null when there is none.</summary>
    public static RulesTemplate? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}
