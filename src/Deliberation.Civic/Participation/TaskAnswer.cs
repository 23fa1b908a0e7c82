namespace Deliberation.Civic.Participation;

/// <summary>An answer to a task. A changed answer adds a row and retires the previous one, so the history stays.</summary>
public sealed class TaskAnswer
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The task.</summary>
    public Guid TaskId { get; set; }

    /// <summary>The answer as JSON.</summary>
    public string Answer { get; set; } = "{}";

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>Whether this is the answer that counts.</summary>
    public bool IsCurrent { get; set; }

    /// <summary>For an answer entered on the person's behalf (a paper ballot): the staff account that entered it.</summary>
    public Guid? EnteredByUserId { get; set; }

    /// <summary>How it came in: <c>link</c>, <c>paper</c> or <c>proxy</c> (<see cref="TaskChannels"/>).</summary>
    public string Channel { get; set; } = "link";

    /// <summary>For a paper answer: the photo's type (<c>image/jpeg</c> or <c>image/png</c>); the file is <c>paper/{community}/{task}/{answer}.{ext}</c>.</summary>
    public string? PhotoContentType { get; set; }

    /// <summary>For a paper answer: the SHA-256 of the stored photo of the sheet.</summary>
    public string? PhotoSha256 { get; set; }
}
