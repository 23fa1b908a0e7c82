namespace Deliberation.Civic.Decisions;

/// <summary>What a voter chose. Stable strings, stored with each ballot.</summary>
public static class BallotChoices
{
    /// <summary>赞成 / 同意.</summary>
    public const string Yes = "yes";

    /// <summary>反对.</summary>
    public const string No = "no";

    /// <summary>弃权: present (counts for the quorum) but not a vote cast.</summary>
    public const string Abstain = "abstain";

    /// <summary>
    /// 阻止: a blocking objection. Fails a consent decision; counts as a "no" under every other rule.
    /// </summary>
    public const string Block = "block";

    /// <summary>
    /// 保留(不阻止): stands aside — disagrees but lets the group go ahead; recorded and listed. Counts as
    /// an abstention under every rule (present, not a vote cast).
    /// </summary>
    public const string StandAside = "stand-aside";

    /// <summary>Every choice.</summary>
    public static IReadOnlyList<string> All { get; } = [Yes, No, Abstain, Block, StandAside];
}
