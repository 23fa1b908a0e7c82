
namespace Deliberation.Civic.Elections;

/// <summary>A case with its affected groups.</summary>
public sealed record CaseSnapshot(DeliberationCase Case, IReadOnlyList<AffectedGroup> Groups);
