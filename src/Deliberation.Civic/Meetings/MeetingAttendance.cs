namespace Deliberation.Civic.Meetings;

/// <summary>Whether a panel member came to a meeting, as recorded in meeting mode.</summary>
public sealed class MeetingAttendance
{
    /// <summary>The meeting.</summary>
    public Guid MeetingId { get; set; }

    /// <summary>The person (a panel member).</summary>
    public Guid PersonId { get; set; }

    /// <summary>Present (true) or absent (false).</summary>
    public bool Present { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}
