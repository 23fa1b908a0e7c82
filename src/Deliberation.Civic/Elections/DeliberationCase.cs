namespace Deliberation.Civic.Elections;

/// <summary>
/// A deliberation case (议事案件): the anchored issue whose stakeholders are identified (step 2) and
/// whose panel deliberates. It links to the complaint it came from and carries the rules that step 2 needs.
/// </summary>
public sealed class DeliberationCase
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The anchored complaint, if the case came from one.</summary>
    public Guid? ComplaintId { get; set; }

    /// <summary>The case number, e.g. DL-2026-003 (taken from the complaint when it has one).</summary>
    public string? CaseNumber { get; set; }

    /// <summary>What the case is about, e.g. 5栋电梯经常停运.</summary>
    public string Title { get; set; } = "";

    /// <summary>
    /// Whether the rules of procedure let professional advisors vote. Off by default: the seed has
    /// lawyers and accountants advise the panel, not decide for it.
    /// </summary>
    public bool AdvisorsMayVote { get; set; }

    /// <summary>Who speaks for those affected, one of <see cref="StakeholderModes"/>: elected representatives by default.</summary>
    public string StakeholderMode { get; set; } = StakeholderModes.Elected;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The rules of procedure as JSON (<see cref="Decisions.RulesDocument"/>); null until staff set them (then a template applies).</summary>
    public string? Rules { get; set; }

    /// <summary>When it closed (step 5: implemented, followed up, the result publicly noticed); null while open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
