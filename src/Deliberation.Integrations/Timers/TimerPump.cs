using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Timers;

/// <summary>
/// Fires due timers: claims a batch of due timer rows (leased, so a second host skips them), then
/// resumes each bookmark in its own step. A timer whose bookmark is gone is deleted. It also sweeps the
/// signal inboxes: a queued signal whose delivery a crash or another host's step cut short is delivered here.
/// When the database goes away in the middle of a batch, the timers not yet fired stay with this pump (they are
/// leased to it) and are fired first once it answers again, instead of waiting for their lease to lapse.
/// </summary>
public sealed class TimerPump(IWorkflowStore store, WorkflowRuntime runtime, TimeProvider time, TimerOptions options, ILogger<TimerPump> logger,
    IStoreOutages? outages = null)
{
    private readonly Lock _heldLock = new();
    private List<(DueTimer Timer, DateTimeOffset LeaseEnds)> _held = [];

    /// <summary>Fires one batch of due timers; returns how many were claimed.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        await FireHeldAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await store.ClaimDueTimersAsync(now, options.BatchSize, options.Lease, cancellationToken);
        await FireAsync(due, now + options.Lease, cancellationToken);
        return due.Count;
    }

    private async Task FireHeldAsync(CancellationToken cancellationToken)
    {
        List<(DueTimer Timer, DateTimeOffset LeaseEnds)> held;
        lock (_heldLock) (held, _held) = (_held, []);
        // Past its lease another pump may have claimed it; it fires there (or here, after claiming it again).
        var now = time.GetUtcNow();
        foreach (var group in held.Where(h => h.LeaseEnds > now).GroupBy(h => h.LeaseEnds))
            await FireAsync(group.Select(h => h.Timer).ToList(), group.Key, cancellationToken);
    }

    private async Task FireAsync(IReadOnlyList<DueTimer> timers, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        for (var i = 0; i < timers.Count; i++)
        {
            var timer = timers[i];
            try
            {
                await runtime.FireTimerAsync(timer, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && outages?.IsOutage(ex) == true)
            {
                // Firing twice is harmless (a step resumes a bookmark once), but waiting out a minute's lease is not.
                lock (_heldLock) _held.AddRange(timers.Skip(i).Select(t => (t, leaseEnds)));
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lease runs out and the timer is claimed again: no timer is lost to a failure here.
                logger.LogError(ex, "Timer {BookmarkId} of instance {InstanceId} failed to fire; it will be retried after its lease.", timer.BookmarkId, timer.InstanceId);
            }
        }
    }

    /// <summary>
    /// Delivers queued signals of instances that changed since their signals were last checked (a host that died
    /// between committing a signal and delivering it, or a bookmark created by another host's step).
    /// </summary>
    /// <returns>How many signals were delivered.</returns>
    public async Task<int> DeliverQueuedSignalsAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var instanceId in await store.FindInstancesWithUncheckedSignalsAsync(options.BatchSize, cancellationToken))
        {
            try
            {
                delivered += await runtime.DeliverQueuedSignalsAsync(instanceId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && outages?.IsOutage(ex) != true)
            {
                // The signals stay queued and unchecked: the next sweep tries again.
                logger.LogError(ex, "Queued signals of instance {InstanceId} could not be delivered; the next sweep tries again.", instanceId);
            }
        }
        return delivered;
    }

    /// <summary>Fires every due timer, batch after batch, until none is left.</summary>
    public async Task<int> FireAllDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int fired;
        do
        {
            fired = await FireDueAsync(cancellationToken);
            total += fired;
        }
        while (fired == options.BatchSize);
        return total;
    }
}
