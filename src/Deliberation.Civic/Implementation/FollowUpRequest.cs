namespace Deliberation.Civic.Implementation;

/// <summary>The follow-up question (回访) put to one representative of a case: a participation task answered by link.</summary>
public sealed class FollowUpRequest
{
    /// <summary>The task (the key).</summary>
    public Guid TaskId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The representative asked.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The affected group the representative speaks for, if known.</summary>
    public Guid? GroupId { get; set; }

    /// <summary>When the question was put.</summary>
    public DateTimeOffset AskedAt { get; set; }

    /// <summary>Whether it was emailed (false: no email; the building head enters the answer on paper).</summary>
    public bool Emailed { get; set; }
}
