namespace Deliberation.Civic.Decisions;

/// <summary>
/// One line of the roll a decision is counted over: everyone entitled to take part, whether they
/// voted or not, so that the quorum and the Article 278 totals can be counted from it.
/// </summary>
/// <param name="VoterId">The voter (a panel member, or an owner under Article 278); unique in the roll.</param>
/// <param name="Choice">One of <see cref="BallotChoices"/>; null when the voter did not take part (absent).</param>
/// <param name="Reason">Why, in the voter's words (expected with a block or a stand-aside); null for none.</param>
/// <param name="Area">
/// Under Article 278, the owner's exclusive floor area in m² (专有部分面积; the sum of the owner's units),
/// required there; ignored by the other rules.
/// </param>
/// <param name="Eligible">
/// Whether the person has a vote in this deliberation (default true). False for someone on the roll
/// without a vote — a party attending, a non-owner resident: never counted.
/// </param>
/// <param name="Advisor">
/// Whether the person is a professional advisor (律师、会计师). Counted only when the rules say
/// advisors vote (<see cref="RulesOfProcedure.AdvisorsVote"/>); otherwise their opinion is listed as not counted.
/// </param>
public sealed record Ballot(Guid VoterId, string? Choice, string? Reason = null, decimal? Area = null, bool Eligible = true, bool Advisor = false)
{
    /// <summary>Whether the voter took part: voted, abstained, blocked or stood aside.</summary>
    public bool TookPart => Choice is not null;
}
