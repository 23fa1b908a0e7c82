namespace Deliberation.Civic.Meetings;

/// <summary>A point raised at a meeting (讨论要点), in the order recorded.</summary>
public sealed class MeetingPoint
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The meeting.</summary>
    public Guid MeetingId { get; set; }

    /// <summary>Who raised it, when recorded.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>The point.</summary>
    public string Text { get; set; } = "";

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}
