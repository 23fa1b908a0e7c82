namespace Deliberation.Civic.Needs;

/// <summary>
/// A task of the 三单 process tied to its need: a claim offered to one candidate (purpose <c>claim</c>), the claimant's
/// progress link (<c>claim-progress</c>) or the requester's confirmation (<c>confirm</c>). For a claim, the organisation of
/// the directory the person answers for (its representative is the one asked), or none for a person claiming for themselves
/// (an assigned party member).
/// </summary>
public sealed class NeedTask
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The need.</summary>
    public Guid NeedId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The participation task.</summary>
    public Guid TaskId { get; set; }

    /// <summary>The task's purpose (<c>claim</c>, <c>claim-progress</c> or <c>confirm</c>).</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The person asked.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The organisation they answer for; null for a person answering for themselves.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>Who answers, as the need names its claimant: the organisation's name, else the person's.</summary>
    public string Name { get; set; } = "";

    /// <summary>When the task was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
