namespace Deliberation.Civic.Issues;

/// <summary>What the public notice (公示) of an anchored issue tells.</summary>
/// <param name="CommunityName">E.g. 大龙社区.</param>
/// <param name="CaseNumber">E.g. DALONG-2026-001.</param>
/// <param name="Matter">The catalogue entry of its category.</param>
/// <param name="Title">The complaint's title.</param>
/// <param name="Description">What residents report (may be empty).</param>
/// <param name="BuildingNames">The affected building groups, e.g. 1栋, 2栋.</param>
/// <param name="Ranking">Its place in the ranking when it was anchored, with the parts of its score.</param>
/// <param name="OpenComplaints">How many open complaints were ranked.</param>
/// <param name="AnchoredAt">When it was anchored.</param>
public sealed record PublicNoticeFacts(string CommunityName, string CaseNumber, DeliberationMatter Matter, string Title, string Description,
    IReadOnlyList<string> BuildingNames, RankedComplaint Ranking, int OpenComplaints, DateTimeOffset AnchoredAt)
{
    /// <summary>
    /// When the public-notice period (公示期) ends and the deliberation goes on to identify the stakeholders;
    /// null when the workflow does not wait.
    /// </summary>
    public DateTimeOffset? NoticeEndsAt { get; init; }
}
