using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Storage;

/// <summary>
/// Durable storage of instances (their bookmarks live in the instance state), timers and journal;
/// implemented by Persistence.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Loads an instance, or null (outside any step: a read).</summary>
    Task<WorkflowInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a step's unit of work and loads the instance inside it, locked against concurrent steps (for a new
    /// instance, pass null). Dispose it to roll back whatever it did not commit.
    /// </summary>
    Task<IStepScope> BeginStepAsync(Guid? instanceId, CancellationToken cancellationToken);

    /// <summary>When a journal line records that the bookmark was consumed, its time; otherwise null.</summary>
    Task<DateTimeOffset?> FindBookmarkConsumedAtAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken);

    /// <summary>The first result of a request with this key, or null.</summary>
    Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> timers due at <paramref name="now"/> for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Deletes a timer whose bookmark is gone.</summary>
    Task DeleteTimerAsync(Guid bookmarkId, CancellationToken cancellationToken);

    /// <summary>Queues a signal in its own transaction (ignored when its idempotency key is already queued or delivered).</summary>
    /// <returns>False when a signal with the same key exists.</returns>
    Task<bool> QueueSignalAsync(QueuedSignal signal, CancellationToken cancellationToken);

    /// <summary>The instance's queued (not yet delivered or dropped) signals, oldest first.</summary>
    Task<IReadOnlyList<QueuedSignal>> GetQueuedSignalsAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Instances holding queued signals that no delivery attempt has looked at since the instance last changed
    /// (its revision moved on), at most <paramref name="max"/>: the sweep that delivers what a crash or another host left behind.
    /// </summary>
    Task<IReadOnlyList<Guid>> FindInstancesWithUncheckedSignalsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Records that these queued signals were checked at the instance's <paramref name="revision"/> and none could be delivered.</summary>
    Task MarkSignalsCheckedAsync(Guid instanceId, IReadOnlyList<Guid> signalIds, long revision, CancellationToken cancellationToken);

    /// <summary>The earliest due time of an unclaimed timer, or null.</summary>
    Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken);
}
