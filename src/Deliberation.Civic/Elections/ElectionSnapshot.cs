
namespace Deliberation.Civic.Elections;

/// <summary>An election with its candidates (in nomination order) and its ballots.</summary>
/// <param name="Election">The election.</param>
/// <param name="Candidates">The candidates with their names, in nomination order.</param>
/// <param name="Ballots">The ballots, once they went out.</param>
/// <param name="Invitations">The invitations to nominate, one per voter, sent when nominations opened.</param>
public sealed record ElectionSnapshot(Election Election, IReadOnlyList<CandidateEntry> Candidates, IReadOnlyList<BallotEntry> Ballots,
    IReadOnlyList<NominationInvitationEntry> Invitations);
