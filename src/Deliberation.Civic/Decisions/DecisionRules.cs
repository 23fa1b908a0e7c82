namespace Deliberation.Civic.Decisions;

/// <summary>
/// How a deliberation decides (议事规则·表决方式). Stable strings, stored with the rules of procedure; the
/// formulas are in <see cref="DecisionEvaluator"/> and the README.
/// </summary>
public static class DecisionRules
{
    /// <summary>共识决: quorum, no "no" vote (a block counts as no) and at least one yes.</summary>
    public const string Consensus = "consensus";

    /// <summary>同意决: quorum and no blocking objection; stand-asides are recorded.</summary>
    public const string Consent = "consent";

    /// <summary>简单多数: quorum and yes &gt; (yes + no) / 2; abstentions are present but not votes cast.</summary>
    public const string SimpleMajority = "simple-majority";

    /// <summary>三分之二多数: quorum and yes ≥ 2/3 · (yes + no), with at least one vote cast.</summary>
    public const string TwoThirds = "two-thirds";

    /// <summary>业主共同决定: the double threshold of 民法典 Article 278, by headcount and by exclusive floor area.</summary>
    public const string CoOwners = "co-owners-art278";

    /// <summary>Every rule.</summary>
    public static IReadOnlyList<string> All { get; } = [Consensus, Consent, SimpleMajority, TwoThirds, CoOwners];

    /// <summary>The rule's Chinese name (<c>简单多数</c>); the code itself when unknown.</summary>
    public static string ChineseName(string rule) => rule switch
    {
        Consensus => "共识决",
        Consent => "同意决",
        SimpleMajority => "简单多数",
        TwoThirds => "三分之二多数",
        CoOwners => "业主共同决定（民法典第二百七十八条）",
        _ => rule,
    };

    /// <summary>The rule's English name (<c>simple majority</c>); the code itself when unknown.</summary>
    public static string EnglishName(string rule) => rule switch
    {
        Consensus => "consensus",
        Consent => "consent",
        SimpleMajority => "simple majority",
        TwoThirds => "two-thirds majority",
        CoOwners => "co-owners' decision (Civil Code Art. 278)",
        _ => rule,
    };
}
