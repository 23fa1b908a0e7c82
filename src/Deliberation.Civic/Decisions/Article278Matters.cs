namespace Deliberation.Civic.Decisions;

/// <summary>
/// Which kind of matter a co-owners' decision (<see cref="DecisionRules.CoOwners"/>) is under 民法典
/// Article 278, because the approval threshold depends on it.
/// </summary>
public static class Article278Matters
{
    /// <summary>
    /// Items 6–8 of the article's first paragraph: raising or using building maintenance funds (筹集建筑物
    /// 及其附属设施的维修资金), rebuilding or altering buildings and their facilities (改建、重建, e.g.
    /// installing a lift), changing the use of common parts or using them to run a business. Approval:
    /// ≥ 3/4 of the participating area and ≥ 3/4 of the participating owners.
    /// </summary>
    public const string Items6To8 = "items-6-8";

    /// <summary>Every other matter of the article (rules, committee, property company…). Approval: more than half of both.</summary>
    public const string Other = "other";

    /// <summary>Every category.</summary>
    public static IReadOnlyList<string> All { get; } = [Items6To8, Other];
}
