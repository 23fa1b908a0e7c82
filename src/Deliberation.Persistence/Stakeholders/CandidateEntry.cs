using Deliberation.Civic.Elections;

namespace Deliberation.Persistence.Stakeholders;

/// <summary>A candidate with their name.</summary>
public sealed record CandidateEntry(Candidate Candidate, string Name);
