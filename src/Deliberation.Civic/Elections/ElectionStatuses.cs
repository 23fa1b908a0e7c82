namespace Deliberation.Civic.Elections;

/// <summary>Where an election stands.</summary>
public static class ElectionStatuses
{
    /// <summary>Taking nominations.</summary>
    public const string Nominating = "nominating";

    /// <summary>Ballots are out; votes can change until the deadline.</summary>
    public const string Balloting = "balloting";

    /// <summary>Counted, but a tie at the last seat waits for a staff decision.</summary>
    public const string Tied = "tied";

    /// <summary>Counted; the result stands.</summary>
    public const string Counted = "counted";
}
