namespace Deliberation.Civic.Issues;

/// <summary>What the ranking needs of a complaint.</summary>
/// <param name="Complaint">The complaint (its reporter count, urgency, severity and logging time count).</param>
/// <param name="AffectedHouseholds">Distinct households it affects (see <see cref="AffectedHouseholds"/>).</param>
public sealed record RankingCandidate(Complaint Complaint, int AffectedHouseholds);
