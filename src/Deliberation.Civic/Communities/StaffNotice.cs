namespace Deliberation.Civic.Communities;

/// <summary>
/// A notice to the community's staff (工作人员通知) on the dashboard, the same words as the email each staff member
/// received: a time poll closed, a quorum failed, a step faulted. Shown until a staff member marks it read (知道了).
/// </summary>
public sealed class StaffNotice
{
    /// <summary>The longest subject kept.</summary>
    public const int MaxSubject = 300;

    /// <summary>The longest body kept.</summary>
    public const int MaxBody = 4000;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community whose staff are told.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The workflow instance it concerns, if any (the dashboard links to its deliberation).</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>One line: the email's subject.</summary>
    public string Subject { get; set; } = "";

    /// <summary>What happened and what to do: the email's text without greeting and signature.</summary>
    public string Body { get; set; } = "";

    /// <summary>When it was raised.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a staff member marked it read; null while shown.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Who marked it read.</summary>
    public Guid? ReadByUserId { get; set; }
}
