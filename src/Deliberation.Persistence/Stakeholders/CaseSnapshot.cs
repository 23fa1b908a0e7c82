using Deliberation.Civic.Elections;

namespace Deliberation.Persistence.Stakeholders;

/// <summary>A case with its affected groups.</summary>
public sealed record CaseSnapshot(DeliberationCase Case, IReadOnlyList<AffectedGroup> Groups);
