namespace Deliberation.Civic.Implementation;

/// <summary>What the public notice of a closed case (结案公示) tells.</summary>
/// <param name="CommunityName">E.g. 大龙社区.</param>
/// <param name="CaseNumber">E.g. DALONG-2026-001; null for a case opened by hand without one.</param>
/// <param name="Title">What the case was about.</param>
/// <param name="Items">The action items: who did what, and when it was done.</param>
/// <param name="Satisfaction">The follow-up's answers.</param>
/// <param name="Comments">The representatives' comments in the follow-up, as written.</param>
/// <param name="ClosedAt">When the case closed.</param>
/// <param name="Funding">Each item's funding by source (<see cref="ItemFunding"/>), by item id; items without any are left out.</param>
public sealed record CaseClosingFacts(string CommunityName, string? CaseNumber, string Title, IReadOnlyList<ActionItem> Items,
    SatisfactionSummary Satisfaction, IReadOnlyList<string> Comments, DateTimeOffset ClosedAt, IReadOnlyDictionary<Guid, string>? Funding = null);
