using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Storage;

/// <summary>
/// Durable storage of instances (their bookmarks live in the instance state), timers and journal;
/// implemented by Persistence.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Loads an instance, or null.</summary>
    Task<WorkflowInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>When a journal line records that the bookmark was consumed, its time; otherwise null.</summary>
    Task<DateTimeOffset?> FindBookmarkConsumedAtAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken);

    /// <summary>The first result of a request with this key, or null.</summary>
    Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken);

    /// <summary>Commits a step in one transaction.</summary>
    /// <returns>False, with nothing written, when the instance's revision moved on or the idempotency key was taken meanwhile.</returns>
    Task<bool> CommitAsync(StepCommit commit, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> timers due at <paramref name="now"/> for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Deletes a timer whose bookmark is gone.</summary>
    Task DeleteTimerAsync(Guid bookmarkId, CancellationToken cancellationToken);

    /// <summary>The earliest due time of an unclaimed timer, or null.</summary>
    Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken);
}
