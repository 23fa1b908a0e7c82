using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Storage;

/// <summary>
/// Everything one step changes, committed in one transaction: the instance row (guarded by its
/// revision) with its bookmarks, timers, journal, outbox, incidents and the idempotency record.
/// </summary>
public sealed class StepCommit
{
    /// <summary>The instance after the step; its revision is already incremented.</summary>
    public required WorkflowInstance Instance { get; init; }

    /// <summary>True when the step created the instance.</summary>
    public bool IsNew { get; init; }

    /// <summary>The revision the step was computed from; the commit fails if the row moved on.</summary>
    public long ExpectedRevision { get; init; }

    /// <summary>The instance state serialized as JSON.</summary>
    public string StateJson { get; set; } = "";

    /// <summary>New bookmarks; the store keeps a timer row for each that has a due time.</summary>
    public List<BookmarkRecord> AddedBookmarks { get; } = [];

    /// <summary>Consumed or cancelled bookmarks (for the journal and notifications; the state no longer holds them).</summary>
    public List<Guid> RemovedBookmarks { get; } = [];

    /// <summary>Timers of removed bookmarks.</summary>
    public List<Guid> RemovedTimers { get; } = [];

    /// <summary>New journal lines.</summary>
    public List<JournalEntry> Journal { get; } = [];

    /// <summary>Side effects to deliver after commit.</summary>
    public List<OutboxMessage> Outbox { get; } = [];

    /// <summary>New incidents, and incidents updated by a retry.</summary>
    public List<IncidentRecord> Incidents { get; } = [];

    /// <summary>Queued signals this step delivered to bookmarks; the commit fails if another step took one first.</summary>
    public List<Guid> DeliveredSignals { get; } = [];

    /// <summary>Queued signals dropped because the instance ended before any bookmark took them.</summary>
    public List<Guid> DroppedSignals { get; } = [];

    /// <summary>The request's idempotency record, when it carried a key.</summary>
    public IdempotencyRecord? Idempotency { get; set; }
}
