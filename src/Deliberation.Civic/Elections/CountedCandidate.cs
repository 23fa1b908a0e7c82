namespace Deliberation.Civic.Elections;

/// <summary>A candidate's line in a count.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="Votes">Votes received.</param>
/// <param name="Rank">Place, from 1: by votes, ties in the order the tie rule gave.</param>
/// <param name="Elected">Whether the candidate won a seat.</param>
public sealed record CountedCandidate(Guid CandidateId, int Votes, int Rank, bool Elected);
