
namespace Deliberation.Civic.Elections;

/// <summary>A candidate with their name.</summary>
public sealed record CandidateEntry(Candidate Candidate, string Name);
