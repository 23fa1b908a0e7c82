namespace Deliberation.Civic.Meetings;

/// <summary>Whether a vote takes choices.</summary>
public static class VoteStatuses
{
    /// <summary>Open: choices are recorded and may change.</summary>
    public const string Open = "open";

    /// <summary>Closed and counted.</summary>
    public const string Closed = "closed";
}
