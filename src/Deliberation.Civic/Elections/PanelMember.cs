namespace Deliberation.Civic.Elections;

/// <summary>
/// A member of a case's deliberation panel (议事小组): a representative of an affected group, a party
/// (property company, owners' committee, social worker…) or a professional advisor (lawyer, accountant).
/// </summary>
public sealed class PanelMember
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The person.</summary>
    public Guid PersonId { get; set; }

    /// <summary>One of <see cref="PanelRoles"/>.</summary>
    public string Role { get; set; } = PanelRoles.Representative;

    /// <summary>What the party or advisor is, one of <see cref="PartyKinds"/>; null for representatives.</summary>
    public string? PartyKind { get; set; }

    /// <summary>The organisation of the community's directory the party joined for, when it joined from there.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>
    /// The organisation's name when the party joined (e.g. 园林物业公司): the panel and its records keep what it sat for even
    /// when the directory is changed later.
    /// </summary>
    public string? OrganisationName { get; set; }

    /// <summary>Whether the member votes in the panel's decisions.</summary>
    public bool Votes { get; set; }

    /// <summary>One of <see cref="PanelSources"/>.</summary>
    public string Source { get; set; } = PanelSources.Staff;

    /// <summary>The affected group a representative speaks for.</summary>
    public Guid? GroupId { get; set; }

    /// <summary>The election that chose the member (source <c>election</c>).</summary>
    public Guid? ElectionId { get; set; }

    /// <summary>When the member joined.</summary>
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>When the member dropped out; null while on the panel.</summary>
    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>Why the member dropped out.</summary>
    public string? LeftReason { get; set; }

    /// <summary>The member who took this one's place (the next in the count).</summary>
    public Guid? ReplacedById { get; set; }

    /// <summary>The member whose place this one took.</summary>
    public Guid? ReplacesId { get; set; }
}
