
namespace Deliberation.Civic.Elections;

/// <summary>
/// An invitation to nominate as staff follow it: whether the voter has nominated and how (<c>link</c> or <c>proxy</c>). The task
/// id is what a building head answers for a voter without email (<c>POST /api/tasks/{id}/proxy-answer</c>).
/// </summary>
/// <param name="Invitation">The invitation.</param>
/// <param name="VoterName">The voter's name.</param>
/// <param name="Channel">How the current nomination came in; null while the voter has not nominated.</param>
public sealed record NominationInvitationEntry(NominationInvitation Invitation, string VoterName, string? Channel);
