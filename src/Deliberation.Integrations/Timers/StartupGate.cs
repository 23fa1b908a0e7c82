namespace Deliberation.Integrations.Timers;

/// <summary>
/// Opens once the host has started (the database migrated, the shared keys read, the server listening). Hangfire
/// starts its server processes as soon as they are constructed, which is before the host's start-up tasks run; they
/// wait here.
/// </summary>
public sealed class StartupGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the waiting loops start.</summary>
    public void Open() => _opened.TrySetResult();

    /// <summary>Waits until opened.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _opened.Task.WaitAsync(cancellationToken);
}
