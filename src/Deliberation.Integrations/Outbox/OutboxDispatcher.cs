using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Outbox;

/// <summary>
/// Delivers due outbox messages. Transient failures are retried with back-off (30 s, 2 min, 10 min,
/// 1 h, then every 6 h, ten attempts in all); permanent ones are recorded and shown to staff.
/// </summary>
public sealed class OutboxDispatcher(IOutboxStore store, IEnumerable<IOutboxDeliverer> deliverers, OutboxOptions options, TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    /// <summary>Attempts before a transient failure becomes permanent.</summary>
    public const int MaxAttempts = 10;

    private readonly Dictionary<string, IOutboxDeliverer> _deliverers = deliverers.ToDictionary(d => d.Kind, StringComparer.Ordinal);

    /// <summary>
    /// Delivers one batch of due messages; returns how many were attempted. Deliverers that keep a connection across messages
    /// (<see cref="IBatchedOutboxDeliverer"/>) reuse it for the whole batch and close it after the batch's last message.
    /// </summary>
    public async Task<int> DispatchDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var batch = await store.ClaimAsync(time.GetUtcNow(), batchSize, options.Lease, cancellationToken);
        try
        {
            await DeliverAsync(batch, cancellationToken);
        }
        finally
        {
            foreach (var batched in _deliverers.Values.OfType<IBatchedOutboxDeliverer>())
            {
                try
                {
                    await batched.EndBatchAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Every message of the batch is recorded already; a connection that fails to close changes nothing.
                    logger.LogWarning(ex, "Closing the {Kind} deliverer's connection after a batch failed.", batched.Kind);
                }
            }
        }
        return batch.Count;
    }

    private async Task DeliverAsync(IReadOnlyList<ClaimedOutboxMessage> batch, CancellationToken cancellationToken)
    {
        foreach (var claimed in batch)
        {
            var message = claimed.Message;
            try
            {
                if (!_deliverers.TryGetValue(message.Kind, out var deliverer))
                    throw new OutboxDeliveryException($"No deliverer handles outbox kind '{message.Kind}'.", permanent: true);
                await deliverer.DeliverAsync(message, cancellationToken);
                CrashPoints.Reach(CrashPoints.AfterOutboxHandOff);
                await store.MarkSentAsync(message.Id, time.GetUtcNow(), cancellationToken);
            }
            catch (OutboxDeliveryException ex)
            {
                var attempt = claimed.Attempts + 1;
                DateTimeOffset? next = ex.Permanent || attempt >= MaxAttempts ? null : time.GetUtcNow() + Backoff[Math.Min(attempt - 1, Backoff.Length - 1)];
                logger.LogWarning("Outbox message {MessageId} ({Kind}) failed, attempt {Attempt}: {Error}; {Next}",
                    message.Id, message.Kind, attempt, ex.Message, next is null ? "given up" : $"retry at {next:O}");
                await store.MarkFailedAsync(message.Id, time.GetUtcNow(), ex.Message, next, CancellationToken.None);
            }
        }
    }
}
