namespace Deliberation.Civic.Meetings;

/// <summary>
/// A panel meeting of a deliberation case (议事协商会): proposed with 2–5 candidate slots, polled by link,
/// scheduled on the slot that suits most, then held (attendance, proposals, points, votes) and closed.
/// Each meeting of a case is one round.
/// </summary>
public sealed class Meeting
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The deliberation case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The workflow instance that runs the case, if any: signalled when the meeting is planned and closed.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>1 for the case's first meeting, 2 for the next, …</summary>
    public int Round { get; set; }

    /// <summary>会议名称, e.g. 5栋加装电梯协商会.</summary>
    public string Name { get; set; } = "";

    /// <summary>地点.</summary>
    public string Place { get; set; } = "";

    /// <summary>The agenda items, as a JSON array of strings.</summary>
    public string Agenda { get; set; } = "[]";

    /// <summary>主持人.</summary>
    public string? Chair { get; set; }

    /// <summary>记录人.</summary>
    public string? Recorder { get; set; }

    /// <summary>The candidate slots, as a JSON array of <see cref="MeetingSlot"/>.</summary>
    public string Slots { get; set; } = "[]";

    /// <summary>When the time poll closes.</summary>
    public DateTimeOffset PollClosesAt { get; set; }

    /// <summary>One of <see cref="MeetingStatuses"/>.</summary>
    public string Status { get; set; } = MeetingStatuses.Planned;

    /// <summary>The chosen start, once scheduled.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>The chosen end, once scheduled.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>The iCalendar SEQUENCE of the invitation; raised when it is re-sent or cancelled.</summary>
    public int Sequence { get; set; }

    /// <summary>When it was planned.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When staff closed it (after the votes), or when it was cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why it was cancelled, if it was.</summary>
    public string? CancelReason { get; set; }
}
