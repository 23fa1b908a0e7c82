namespace Deliberation.Civic.Responses;

/// <summary>
/// A matter someone must handle within a deadline (限时响应), climbing the ladder of levels when a level misses it: who
/// has it now, until when, and — once handled — when and by which level. <see cref="ReportedAt"/> and
/// <see cref="HandledAt"/> are what the monthly response rate is computed from.
/// </summary>
public sealed class TimedResponse
{
    /// <summary>The longest subject.</summary>
    public const int MaxSubject = 200;

    /// <summary>The longest description.</summary>
    public const int MaxDescription = 2000;

    /// <summary>The longest ladder (codes joined by commas).</summary>
    public const int MaxLadder = 60;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The workflow instance waiting for it, if any.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>The deliberation case it concerns, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The complaint it concerns, if any.</summary>
    public Guid? ComplaintId { get; set; }

    /// <summary>What is to be handled, one line, e.g. 5栋楼道灯不亮.</summary>
    public string Subject { get; set; } = "";

    /// <summary>What was reported beyond the subject, if anything.</summary>
    public string? Description { get; set; }

    /// <summary>The deadline class (<see cref="DeadlineClasses"/>), or <see cref="DeadlineClasses.Custom"/>.</summary>
    public string DeadlineClass { get; set; } = "";

    /// <summary>How long each level has, in minutes.</summary>
    public int DeadlineMinutes { get; set; }

    /// <summary>When it was reported: the response time runs from here.</summary>
    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>The levels it climbs, lowest first, joined by commas (<see cref="ResponseLevels"/>).</summary>
    public string Ladder { get; set; } = "";

    /// <summary>The level that has it now, 1 for the first of <see cref="Ladder"/>; it was escalated <c>Level - 1</c> times.</summary>
    public int Level { get; set; } = 1;

    /// <summary>When the current level's deadline passes.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>One of <see cref="ResponseStatuses"/>.</summary>
    public string Status { get; set; } = ResponseStatuses.Open;

    /// <summary>When it was marked handled; null until then.</summary>
    public DateTimeOffset? HandledAt { get; set; }

    /// <summary>The level that handled it (1 for the first of <see cref="Ladder"/>).</summary>
    public int? HandledLevel { get; set; }

    /// <summary>The person who marked it handled.</summary>
    public Guid? HandledByPersonId { get; set; }

    /// <summary>The task answered (its answer holds the note).</summary>
    public Guid? HandledTaskId { get; set; }
}
