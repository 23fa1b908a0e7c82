
namespace Deliberation.Civic.Elections;

/// <summary>A ballot as staff follow it: whether the voter has voted and how (<c>link</c> or <c>proxy</c>); never the choice.</summary>
/// <param name="Ballot">The ballot.</param>
/// <param name="VoterName">The voter's name.</param>
/// <param name="Channel">How the current vote came in; null while the voter has not voted.</param>
public sealed record BallotEntry(ElectionBallot Ballot, string VoterName, string? Channel)
{
    /// <summary>Whether the voter has voted.</summary>
    public bool Voted => Channel is not null;
}
