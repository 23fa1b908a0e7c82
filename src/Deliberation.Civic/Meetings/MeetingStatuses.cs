namespace Deliberation.Civic.Meetings;

/// <summary>Where a meeting stands.</summary>
public static class MeetingStatuses
{
    /// <summary>Planned with candidate slots; the time poll is not yet sent.</summary>
    public const string Planned = "planned";

    /// <summary>The time poll is out.</summary>
    public const string Polling = "polling";

    /// <summary>A slot is chosen and invitations are out; RSVPs, proposals and, once it starts, meeting mode.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>Staff closed it after its votes; the minutes follow.</summary>
    public const string Closed = "closed";

    /// <summary>Called off (e.g. too few confirmed for a quorum).</summary>
    public const string Cancelled = "cancelled";
}
