using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Storage;

/// <summary>
/// Everything one step changes, committed in one transaction: the instance row (guarded by its
/// revision) with its bookmarks, timers, journal, outbox, incidents and the idempotency record.
/// </summary>
public sealed class StepCommit
{
    private readonly WorkflowInstance _instance = null!;
    private readonly InstanceStatus _statusBefore;

    /// <summary>The instance after the step; its revision is already incremented.</summary>
    public required WorkflowInstance Instance
    {
        get => _instance;
        init
        {
            _instance = value;
            _statusBefore = value.Status;
        }
    }

    /// <summary>The instance's status when the step began (<see cref="InstanceStatus.Suspended"/> for a new one).</summary>
    public InstanceStatus StatusBefore => _statusBefore;

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

    /// <summary>
    /// Signals for other instances, queued in this step's transaction (a child telling its parent that it ended); the runtime
    /// delivers them after the commit, and the sweep delivers what a crash left behind.
    /// </summary>
    public List<QueuedSignal> Signals { get; } = [];

    /// <summary>Instances this step started (<c>RunWorkflow</c>), each with its first step, written in the same transaction.</summary>
    public List<StepCommit> Children { get; } = [];

    /// <summary>The request's idempotency record, when it carried a key.</summary>
    public IdempotencyRecord? Idempotency { get; set; }
}
