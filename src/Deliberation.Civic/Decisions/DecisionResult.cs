namespace Deliberation.Civic.Decisions;

/// <summary>
/// The outcome of a decision with every figure it used, and the formula in words with the numbers
/// filled in (<see cref="ExplanationZh"/>, <see cref="ExplanationEn"/>) for the page and the minutes.
/// </summary>
public sealed record DecisionResult
{
    /// <summary>The rules it was counted under.</summary>
    public required RulesOfProcedure Rules { get; init; }

    /// <summary>
    /// Present eligible voters (voting, abstaining, blocking or standing aside) of all eligible voters;
    /// under Article 278, participating owners of all owners.
    /// </summary>
    public required Share Attendance { get; init; }

    /// <summary>Present eligible voters; under Article 278, participating owners.</summary>
    public int Present => (int)Attendance.Part;

    /// <summary>Eligible voters (advisors excluded unless they vote); under Article 278, all owners.</summary>
    public int Eligible => (int)Attendance.Whole;

    /// <summary>The quorum threshold: present ≥ quorum · eligible.</summary>
    public Fraction Quorum => Rules.Quorum;

    /// <summary>Whether the quorum was met; under Article 278, whether participation met it by both headcount and area.</summary>
    public required bool QuorumMet { get; init; }

    /// <summary>Yes votes.</summary>
    public required int Yes { get; init; }

    /// <summary>No votes, blocks not included.</summary>
    public required int No { get; init; }

    /// <summary>Blocks: under consent they fail the decision, under every other rule they count as no.</summary>
    public required int Blocks { get; init; }

    /// <summary>Abstentions.</summary>
    public required int Abstentions { get; init; }

    /// <summary>Stand-asides (counted as abstentions).</summary>
    public required int StandAsides { get; init; }

    /// <summary>Votes cast: yes + no + blocks. Abstentions and stand-asides are present but not votes cast.</summary>
    public int VotesCast => Yes + No + Blocks;

    /// <summary>Yes of the votes cast: the share the majority rules measure.</summary>
    public Share YesOfVotesCast => new(Yes, VotesCast);

    /// <summary>The threshold the yes share is held to: 1/2 (simple majority, strict) or 2/3 (two-thirds); null for the other rules.</summary>
    public Fraction? Threshold { get; init; }

    /// <summary>Whether the yes share must exceed <see cref="Threshold"/> (more than half) rather than reach it.</summary>
    public bool ThresholdStrict { get; init; }

    /// <summary>Under Article 278, the headcount and area figures; null for the other rules.</summary>
    public CoOwnerFigures? CoOwners { get; init; }

    /// <summary>The counted ballots that blocked, with their reasons.</summary>
    public required IReadOnlyList<Ballot> Blocking { get; init; }

    /// <summary>The counted ballots that stood aside, with their reasons (recorded and listed).</summary>
    public required IReadOnlyList<Ballot> StandingAside { get; init; }

    /// <summary>Choices of people without a vote (advisors when advisors do not vote, ineligible people): listed, not counted.</summary>
    public required IReadOnlyList<Ballot> NotCounted { get; init; }

    /// <summary>Whether the decision passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>The formula with the numbers, in Chinese: <c>赞成 7 票,占有效表决票 10 票的 70%,超过半数,通过。</c></summary>
    public required string ExplanationZh { get; init; }

    /// <summary>The formula with the numbers, in English.</summary>
    public required string ExplanationEn { get; init; }
}
