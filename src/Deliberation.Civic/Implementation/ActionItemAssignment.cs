namespace Deliberation.Civic.Implementation;

/// <summary>
/// An action item handed to its person by the workflow (<c>AssignActionItems</c>): the progress task and its link,
/// the planned reminder, and what was sent. One per item: assigning again reuses it.
/// </summary>
public sealed class ActionItemAssignment
{
    /// <summary>The action item (the key).</summary>
    public Guid ActionItemId { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The progress task answered by link; null for an item without a reporting person (staff report for the party).</summary>
    public Guid? TaskId { get; set; }

    /// <summary>The workflow instance that assigned it, signalled when the item is done.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>When it was assigned.</summary>
    public DateTimeOffset AssignedAt { get; set; }

    /// <summary>Whether the assignment email was queued (false: the person has no email, or no person is named).</summary>
    public bool Emailed { get; set; }

    /// <summary>When the reminder before the due date goes out; null when none is planned.</summary>
    public DateTimeOffset? ReminderAt { get; set; }

    /// <summary>When the reminder went out.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>When the overdue item was escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
}
