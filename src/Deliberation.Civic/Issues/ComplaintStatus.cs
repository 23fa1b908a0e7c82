namespace Deliberation.Civic.Issues;

/// <summary>Where a complaint stands.</summary>
public static class ComplaintStatus
{
    /// <summary>Logged, waiting to be ranked and anchored.</summary>
    public const string Open = "open";

    /// <summary>Merged into another complaint (undoable).</summary>
    public const string Merged = "merged";

    /// <summary>Anchored as the issue of a deliberation.</summary>
    public const string Anchored = "anchored";

    /// <summary>Closed without deliberation.</summary>
    public const string Closed = "closed";
}
