namespace Deliberation.Civic.Issues;

/// <summary>A complaint's place in the ranking, with the parts of its score.</summary>
/// <param name="Rank">1 for the highest score.</param>
/// <param name="Complaint">The complaint.</param>
/// <param name="Score">0–100, rounded to 1 decimal.</param>
/// <param name="Parts">Reporters, urgency, severity and share, in that order.</param>
/// <param name="AffectedHouseholds">Distinct households affected.</param>
/// <param name="CommunityHouseholds">Households in the community (the denominator of the share).</param>
public sealed record RankedComplaint(int Rank, Complaint Complaint, double Score, IReadOnlyList<ScorePart> Parts, int AffectedHouseholds, int CommunityHouseholds);
