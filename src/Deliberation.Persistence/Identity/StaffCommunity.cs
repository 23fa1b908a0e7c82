namespace Deliberation.Persistence.Identity;

/// <summary>A community a staff account may see and act in.</summary>
public sealed class StaffCommunity
{
    /// <summary>The account.</summary>
    public Guid UserId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }
}
