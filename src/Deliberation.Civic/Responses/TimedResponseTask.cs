namespace Deliberation.Civic.Responses;

/// <summary>A task sent for a <see cref="TimedResponse"/>: who at which level was asked to handle it, by link.</summary>
public sealed class TimedResponseTask
{
    /// <summary>The participation task (purpose <c>respond</c>).</summary>
    public Guid TaskId { get; set; }

    /// <summary>The matter.</summary>
    public Guid ResponseId { get; set; }

    /// <summary>The level the person was asked at, 1 for the first of the ladder.</summary>
    public int Level { get; set; }

    /// <summary>The person asked.</summary>
    public Guid PersonId { get; set; }

    /// <summary>When the level's deadline passes (for this task).</summary>
    public DateTimeOffset DueAt { get; set; }
}
