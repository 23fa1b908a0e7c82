namespace Deliberation.Civic.Implementation;

/// <summary>
/// One responsible party's share of a resolution (责任分工) in step 5, 推动落实: what is to be done, by whom,
/// by when, with what money. The person named reports progress by signed link; minutes list the items of
/// their meeting (<see cref="MeetingId"/>).
/// </summary>
public sealed class ActionItem
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The deliberation case (<see cref="Elections.DeliberationCase"/>).</summary>
    public Guid CaseId { get; set; }

    /// <summary>The meeting that resolved it, if any (no foreign key: meetings live elsewhere).</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>What is to be done, e.g. 更换5栋电梯控制柜.</summary>
    public string Title { get; set; } = "";

    /// <summary>Who carries it out, e.g. 物业公司, 业委会.</summary>
    public string ResponsibleParty { get; set; } = "";

    /// <summary>
    /// The organisation of the community's directory that owns the item (e.g. the property company of a four-party joint
    /// meeting), when a party of the directory carries it out; <see cref="ResponsibleParty"/> keeps its name as it was then.
    /// No foreign key: the item keeps who owned it when the directory changes.
    /// </summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>The roster person who reports progress by link; null when staff report for the party.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>When it is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The budget in yuan, if any.</summary>
    public decimal? Budget { get; set; }

    /// <summary>Where the money comes from, e.g. 住户分摊, 社区微创投.</summary>
    public string? FundingSource { get; set; }

    /// <summary>The last reported progress, 0–100.</summary>
    public int Percent { get; set; }

    /// <summary>One of <see cref="ActionItemStatuses"/>.</summary>
    public string Status { get; set; } = ActionItemStatuses.Open;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was reported done.</summary>
    public DateTimeOffset? DoneAt { get; set; }
}
