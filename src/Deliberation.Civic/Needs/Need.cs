namespace Deliberation.Civic.Needs;

/// <summary>
/// An item of the community's needs list (需求清单, seed 001): something residents asked for — fed from a complaint or entered
/// by staff or a building head — that the community publishes (社区派单) for partner units and assigned party members to
/// claim (单位接单), carry out by a due date and have the requester confirm (回访). Its life is
/// <see cref="NeedStatuses"/>: open → published → claimed → done → confirmed, or closed by staff at any point.
/// </summary>
public sealed class Need
{
    /// <summary>The longest title.</summary>
    public const int MaxTitle = 200;

    /// <summary>The longest description.</summary>
    public const int MaxDescription = 2000;

    /// <summary>The longest note (a progress note, the requester's comment).</summary>
    public const int MaxNote = 2000;

    /// <summary>The longest claimant name kept.</summary>
    public const int MaxClaimantName = 100;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community whose list holds it.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>What is needed, e.g. 3栋楼道灯不亮.</summary>
    public string Title { get; set; } = "";

    /// <summary>More about it; null for none.</summary>
    public string? Description { get; set; }

    /// <summary><see cref="NeedKinds.Urgent"/> (急需解决) or <see cref="NeedKinds.LongTerm"/> (长期解决).</summary>
    public string Kind { get; set; } = NeedKinds.Urgent;

    /// <summary>Where it came from: <see cref="NeedSources.Complaint"/> or <see cref="NeedSources.Request"/>.</summary>
    public string Source { get; set; } = NeedSources.Request;

    /// <summary>The complaint it was fed from, when <see cref="Source"/> is a complaint.</summary>
    public Guid? ComplaintId { get; set; }

    /// <summary>The resident who asked (a person of the roster), who confirms when it is done; null when staff confirm.</summary>
    public Guid? RequesterPersonId { get; set; }

    /// <summary>Where it stands (<see cref="NeedStatuses"/>).</summary>
    public string Status { get; set; } = NeedStatuses.Open;

    /// <summary>The organisation of the directory that claimed it; null when a person claimed it for themselves (an assigned party member).</summary>
    public Guid? ClaimantOrganisationId { get; set; }

    /// <summary>The person who claimed it: the organisation's representative, or the party member.</summary>
    public Guid? ClaimantPersonId { get; set; }

    /// <summary>The claimant's name as it was when they claimed (the organisation's, else the person's), shown to those who come later.</summary>
    public string? ClaimantName { get; set; }

    /// <summary>When it must be done by; set by staff, or when claimed (the claim time plus the workflow's due-after).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The claimant's last reported percentage, 0–100.</summary>
    public int Percent { get; set; }

    /// <summary>The claimant's last progress note; null for none.</summary>
    public string? ProgressNote { get; set; }

    /// <summary>The photo of the last progress report that had one (see <see cref="NeedPhotos"/>); null for none.</summary>
    public Guid? ProgressPhotoId { get; set; }

    /// <summary>When progress was last reported.</summary>
    public DateTimeOffset? ProgressAt { get; set; }

    /// <summary>The workflow instance that published it (the 三单 process), if any.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>When it was published for claiming.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Until when it may be claimed, while published.</summary>
    public DateTimeOffset? ClaimClosesAt { get; set; }

    /// <summary>When it was claimed.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>When the claimant reported it done.</summary>
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>When the requester (or staff) answered the confirmation.</summary>
    public DateTimeOffset? ConfirmationAt { get; set; }

    /// <summary>The confirmation: true satisfied (confirmed), false not satisfied; null before it.</summary>
    public bool? Satisfied { get; set; }

    /// <summary>What the requester said with the confirmation; null for nothing.</summary>
    public string? ConfirmationComment { get; set; }

    /// <summary>When staff closed it.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When it was entered.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether it is overdue at <paramref name="now"/>: its due date has come and is not done, confirmed or closed.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => DueAt is { } due && due <= now && NeedStatuses.IsOutstanding(Status);
}
