namespace Deliberation.Civic.Elections;

/// <summary>
/// A ballot: the participation task (purpose <c>ballot</c>) sent to one voter — a household
/// representative in layer 1, a delegate in layer 2 — so that votes come in through signed links or,
/// for those without email, as paper ballots a building head enters.
/// </summary>
public sealed class ElectionBallot
{
    /// <summary>The task.</summary>
    public Guid TaskId { get; set; }

    /// <summary>The election.</summary>
    public Guid ElectionId { get; set; }

    /// <summary>The voter.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The household it votes for (layer 1); null in layer 2.</summary>
    public Guid? HouseholdId { get; set; }

    /// <summary>Whether the ballot link was emailed (false: no email, a paper ballot).</summary>
    public bool Emailed { get; set; }

    /// <summary>When the voter was last reminded.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>How many reminders were sent.</summary>
    public int ReminderCount { get; set; }
}
