using Deliberation.Engine.Storage;

namespace Deliberation.Engine.Messaging;

/// <summary>The delivery side of the outbox; implemented by Persistence.</summary>
public interface IOutboxStore
{
    /// <summary>Claims up to <paramref name="max"/> messages due for an attempt, for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a delivery.</summary>
    Task MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: retried at <paramref name="nextAttemptAt"/>, or failed for good when it is null.</summary>
    Task MarkFailedAsync(Guid id, DateTimeOffset at, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>
    /// Puts claimed messages back to wait until <paramref name="nextAttemptAt"/>, with the reason shown to staff and no attempt
    /// counted: the mail server could not be reached at all, which says nothing about the messages themselves.
    /// </summary>
    Task DeferAsync(IReadOnlyList<Guid> ids, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Releases every outbox and timer lease: on a single-host database, leases left by a killed process.</summary>
    Task ReleaseLeasesAsync(CancellationToken cancellationToken);
}
