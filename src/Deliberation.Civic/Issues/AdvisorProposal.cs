namespace Deliberation.Civic.Issues;

/// <summary>An advisor a kind of matter requires, and who on the roster can sit as one (by name); the first is proposed.</summary>
/// <param name="Kind">The advisor kind, e.g. <c>lawyer</c>.</param>
/// <param name="Candidates">The community's people with that role on the roster; empty when it has none.</param>
public sealed record AdvisorProposal(string Kind, IReadOnlyList<AdvisorCandidate> Candidates)
{
    /// <summary>Who launching seats unless staff choose otherwise; null when nobody can (staff are warned).</summary>
    public AdvisorCandidate? Proposed => Candidates.Count > 0 ? Candidates[0] : null;
}
