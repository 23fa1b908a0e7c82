using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Outbox;

/// <summary>
/// Delivers due outbox messages. A message-level transient failure (a 4xx reply) is retried with back-off (30 s, 2 min,
/// 10 min, 1 h, then every 6 h, ten attempts in all); a permanent one (5xx) is recorded and shown to staff. A server that
/// cannot be reached at all (<see cref="OutboxDeliveryException.ServerUnavailable"/>) costs the messages no attempt: the
/// batch waits, this host probes the server again after a short pause (2 s doubling up to <see cref="MaxProbeInterval"/>),
/// and everything goes out within that pause of the server's return, however long the outage. A delivery the database
/// could not record (it went away after the SMTP server took the message) is recorded first in the next round, before
/// the message's lease lapses and it would be sent again.
/// </summary>
public sealed class OutboxDispatcher(IOutboxStore store, IEnumerable<IOutboxDeliverer> deliverers, OutboxOptions options, TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    /// <summary>Attempts before a transient failure becomes permanent.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The longest pause between two probes of a mail server that cannot be reached.</summary>
    public static readonly TimeSpan MaxProbeInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstProbeInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, IOutboxDeliverer> _deliverers = deliverers.ToDictionary(d => d.Kind, StringComparer.Ordinal);
    private readonly Lock _unrecordedLock = new();
    private List<UnrecordedDelivery> _unrecorded = [];
    private TimeSpan _probeInterval = TimeSpan.Zero;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>
    /// Delivers one batch of due messages; returns how many were attempted (none while the mail server is unreachable and
    /// its pause lasts). Deliverers that keep a connection across messages (<see cref="IBatchedOutboxDeliverer"/>) reuse it
    /// for the whole batch and close it after the batch's last message.
    /// </summary>
    public async Task<int> DispatchDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        await RecordUnrecordedAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (now < _pausedUntil) return 0;
        var batch = await store.ClaimAsync(now, batchSize, options.Lease, cancellationToken);
        try
        {
            await DeliverAsync(batch, now, cancellationToken);
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

    private async Task DeliverAsync(IReadOnlyList<ClaimedOutboxMessage> batch, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var claimed = batch[i];
            var message = claimed.Message;
            try
            {
                if (!_deliverers.TryGetValue(message.Kind, out var deliverer))
                    throw new OutboxDeliveryException($"No deliverer handles outbox kind '{message.Kind}'.", permanent: true);
                await deliverer.DeliverAsync(message, cancellationToken);
                CrashPoints.Reach(CrashPoints.AfterOutboxHandOff);
            }
            catch (OutboxDeliveryException ex) when (ex.ServerUnavailable)
            {
                await PauseAsync(batch.Skip(i).Select(c => c.Message.Id).ToList(), ex);
                return;
            }
            catch (OutboxDeliveryException ex)
            {
                ServerAnswered();
                var attempt = claimed.Attempts + 1;
                DateTimeOffset? next = ex.Permanent || attempt >= MaxAttempts ? null : time.GetUtcNow() + Backoff[Math.Min(attempt - 1, Backoff.Length - 1)];
                logger.LogWarning("Outbox message {MessageId} ({Kind}) failed, attempt {Attempt}: {Error}; {Next}",
                    message.Id, message.Kind, attempt, ex.Message, next is null ? "given up" : $"retry at {next:O}");
                await store.MarkFailedAsync(message.Id, time.GetUtcNow(), ex.Message, next, CancellationToken.None);
                continue;
            }
            ServerAnswered();
            var sentAt = time.GetUtcNow();
            try
            {
                await store.MarkSentAsync(message.Id, sentAt, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Sent but not recorded: remembered, and recorded before anything else once the database answers. The rest of
                // the batch is still leased to this host and is delivered meanwhile; it is recorded the same way.
                lock (_unrecordedLock) _unrecorded.Add(new UnrecordedDelivery(message.Id, sentAt, claimedAt + options.Lease));
            }
        }
    }

    /// <summary>
    /// The server cannot be reached: the rest of the batch waits until the next probe (no attempt counted, the reason shown
    /// to staff), and this host stops claiming until then.
    /// </summary>
    private async Task PauseAsync(List<Guid> waiting, OutboxDeliveryException ex)
    {
        _probeInterval = _probeInterval == TimeSpan.Zero ? FirstProbeInterval : TimeSpan.FromTicks(Math.Min(_probeInterval.Ticks * 2, MaxProbeInterval.Ticks));
        var now = time.GetUtcNow();
        _pausedUntil = now + _probeInterval;
        if (_probeInterval == FirstProbeInterval)
            logger.LogWarning("The mail server cannot be reached ({Error}); {Count} messages wait, no attempt counted, and go out when it answers (probed every {Max} at most).",
                ex.Message, waiting.Count, MaxProbeInterval);
        await store.DeferAsync(waiting, ex.Message, _pausedUntil, CancellationToken.None);
    }

    private void ServerAnswered()
    {
        if (_probeInterval == TimeSpan.Zero) return;
        logger.LogInformation("The mail server answers again; the waiting messages go out.");
        _probeInterval = TimeSpan.Zero;
        _pausedUntil = DateTimeOffset.MinValue;
    }

    private async Task RecordUnrecordedAsync(CancellationToken cancellationToken)
    {
        List<UnrecordedDelivery> pending;
        lock (_unrecordedLock) (pending, _unrecorded) = (_unrecorded, []);
        for (var i = 0; i < pending.Count; i++)
        {
            var delivery = pending[i];
            if (delivery.LeaseEnds <= time.GetUtcNow())
                logger.LogWarning("Outbox message {MessageId} was sent at {SentAt:O} but could not be recorded before its lease ran out; it may be sent again, with the same Message-ID.",
                    delivery.MessageId, delivery.SentAt);
            try
            {
                await store.MarkSentAsync(delivery.MessageId, delivery.SentAt, cancellationToken);
            }
            catch
            {
                lock (_unrecordedLock) _unrecorded.InsertRange(0, pending.Skip(i));
                throw;
            }
        }
    }

    private sealed record UnrecordedDelivery(Guid MessageId, DateTimeOffset SentAt, DateTimeOffset LeaseEnds);
}
