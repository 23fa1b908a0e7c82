namespace Deliberation.Civic.Elections;

/// <summary>The result of a count.</summary>
/// <param name="Ranking">Every candidate, best first.</param>
/// <param name="Counted">Ballots that chose a candidate.</param>
/// <param name="Blank">Ballots without a valid choice (not counted for anyone).</param>
/// <param name="TiedForLastSeat">Candidates with equal votes across the last seat (empty when none).</param>
/// <param name="AnyTie">Whether any candidates with votes have equal votes (so their order needed a tie rule).</param>
/// <param name="TieUnresolved">A tie for the last seat that neither lots nor a staff decision has broken; its seats stay unfilled.</param>
public sealed record CountResult(IReadOnlyList<CountedCandidate> Ranking, int Counted, int Blank, IReadOnlyList<Guid> TiedForLastSeat,
    bool AnyTie, bool TieUnresolved)
{
    /// <summary>The elected candidates, best first.</summary>
    public IReadOnlyList<Guid> Elected => Ranking.Where(c => c.Elected).Select(c => c.CandidateId).ToList();
}
