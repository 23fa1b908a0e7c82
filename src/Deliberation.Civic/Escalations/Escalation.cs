namespace Deliberation.Civic.Escalations;

/// <summary>
/// Something the community's staff and its escalation contacts (e.g. the street office, 街道办) must look at
/// because the deliberation cannot settle it on its own: an overdue action item, a quorum never reached, rounds
/// of voting exhausted (小事不出网格,大事不出社区 — and what the community cannot settle goes up).
/// Open until a staff member acknowledges it.
/// </summary>
public sealed class Escalation
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The deliberation case it concerns, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>What happened: one of <see cref="EscalationKinds"/>, or another kind a workflow names (lower-case, digits, hyphens).</summary>
    public string Kind { get; set; } = "";

    /// <summary>What it concerns (an action item, a meeting, an election), so one thing is escalated once per kind; null when not said.</summary>
    public Guid? RelatedId { get; set; }

    /// <summary>The workflow instance that raised it, if any.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>One line, the email's subject without the prefix.</summary>
    public string Subject { get; set; } = "";

    /// <summary>What happened and what is asked, in Chinese; the email's text.</summary>
    public string Body { get; set; } = "";

    /// <summary>When it was raised.</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>How many emails were queued (escalation contacts and staff accounts).</summary>
    public int Notified { get; set; }

    /// <summary>When a staff member acknowledged it; null while open.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The account that acknowledged it.</summary>
    public Guid? AcknowledgedByUserId { get; set; }
}
