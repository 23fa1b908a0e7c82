namespace Deliberation.Civic.Meetings;

/// <summary>One voter's choice in a meeting vote, with the reason for a "no", block or stand-aside.</summary>
public sealed class VoteBallot
{
    /// <summary>The vote.</summary>
    public Guid VoteId { get; set; }

    /// <summary>The voter.</summary>
    public Guid PersonId { get; set; }

    /// <summary>One of <see cref="Decisions.BallotChoices"/>.</summary>
    public string Choice { get; set; } = "";

    /// <summary>Why (dissent, objection, standing aside), if given.</summary>
    public string? Reason { get; set; }

    /// <summary><c>meeting</c> (recorded by staff), <c>link</c> or <c>proxy</c>.</summary>
    public string Channel { get; set; } = "meeting";

    /// <summary>When it was recorded (the latest change).</summary>
    public DateTimeOffset RecordedAt { get; set; }
}
