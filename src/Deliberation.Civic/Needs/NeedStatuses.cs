namespace Deliberation.Civic.Needs;

/// <summary>Where a need stands: open → published → claimed → done → confirmed; closed by staff at any point.</summary>
public static class NeedStatuses
{
    /// <summary>On the list, not published yet (or published and nobody claimed it in time).</summary>
    public const string Open = "open";

    /// <summary>Published to units and members, waiting for the first to claim it.</summary>
    public const string Published = "published";

    /// <summary>Claimed: the claimant carries it out by its due date.</summary>
    public const string Claimed = "claimed";

    /// <summary>The claimant reported it done; the requester is asked to confirm (or was not satisfied).</summary>
    public const string Done = "done";

    /// <summary>The requester confirmed they are satisfied.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Closed by staff.</summary>
    public const string Closed = "closed";

    /// <summary>Every status.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Published, Claimed, Done, Confirmed, Closed];

    /// <summary>Whether work on it is still outstanding (it can be overdue).</summary>
    public static bool IsOutstanding(string status) => status is Open or Published or Claimed;

    /// <summary>Whether it has ended (nothing changes it any more).</summary>
    public static bool HasEnded(string status) => status is Confirmed or Closed;
}
