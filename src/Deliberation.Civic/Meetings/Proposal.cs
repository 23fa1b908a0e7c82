namespace Deliberation.Civic.Meetings;

/// <summary>A proposal for a meeting: submitted by link before it, or written down in meeting mode.</summary>
public sealed class Proposal
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The meeting.</summary>
    public Guid MeetingId { get; set; }

    /// <summary>Who proposed it, when known.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>What is proposed.</summary>
    public string Body { get; set; } = "";

    /// <summary><c>link</c> or <c>meeting</c>.</summary>
    public string Source { get; set; } = "meeting";

    /// <summary>The proposal task answered, for one submitted by link.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>Whether the meeting discussed it.</summary>
    public bool Discussed { get; set; }
}
