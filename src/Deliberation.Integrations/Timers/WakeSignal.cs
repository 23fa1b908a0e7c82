namespace Deliberation.Integrations.Timers;

/// <summary>Wakes a sleeping loop early (a timer was scheduled, an email was queued).</summary>
public sealed class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the waiter, if any; repeated calls before it wakes count once.</summary>
    public void Set()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { /* already set */ }
        }
    }

    /// <summary>Waits until set or the timeout passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
