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

    /// <summary>How it came in: <c>link</c> or <c>proxy</c>.</summary>
    public string Channel { get; set; } = "link";
}
