namespace Deliberation.Civic.Organisations;

/// <summary>
/// An organisation of the community's directory (组织名录): the residents' committee, the grid party branch, the owners'
/// committee, the property company, partner units and social organisations — the parties of a four-party joint meeting
/// (四方联动联席会议) — with the people to contact there (<see cref="OrganisationContact"/>).
/// </summary>
public sealed class Organisation
{
    /// <summary>The longest name.</summary>
    public const int MaxName = 100;

    /// <summary>The longest kind (a built-in code, or a kind the community added, which is at most 20 characters).</summary>
    public const int MaxKind = 40;

    /// <summary>The longest notes.</summary>
    public const int MaxNotes = 1000;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community whose directory holds it.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The name, e.g. 文化路社区居委会 or 园林物业公司; unique within the community ignoring case.</summary>
    public string Name { get; set; } = "";

    /// <summary>What it is: one of <see cref="OrganisationKinds.BuiltIn"/> or a kind of party the community added (e.g. 共建单位).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Anything staff want to remember about it; null for none.</summary>
    public string? Notes { get; set; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last changed (its contacts included).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
