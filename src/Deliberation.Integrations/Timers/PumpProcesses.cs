using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Integrations.Outbox;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Timers;

/// <summary>
/// The Hangfire server process that wakes the timer pump: one loop per host, not one job per timer,
/// so 100,000 pending timers cost 100,000 rows and no Hangfire state. It sleeps until the poll
/// interval passes or a step schedules an earlier timer. Each round first sweeps the signal inboxes. Through an outage
/// of the database it backs off and logs once (<see cref="LoopFailures"/>).
/// </summary>
public sealed class TimerPumpProcess : IBackgroundProcessAsync
{
    private readonly TimerPump _pump;
    private readonly TimerOptions _options;
    private readonly LoopFailures _failures;
    private readonly WakeSignal _wake = new();
    private readonly StartupGate _gate;

    /// <summary>Creates the process and subscribes to the runtime's timer notifications.</summary>
    public TimerPumpProcess(TimerPump pump, WorkflowRuntime runtime, TimerOptions options, StartupGate gate, IStoreOutages outages, ILogger<TimerPumpProcess> logger)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        _pump = pump;
        _gate = gate;
        _options = options;
        _failures = new LoopFailures("The timer pump", outages, logger);
        runtime.TimerScheduled += _ => _wake.Set();
    }

    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = _options.PollInterval;
        try
        {
            await _gate.WaitAsync(context.StoppingToken);
            await _pump.DeliverQueuedSignalsAsync(context.StoppingToken);
            var fired = await _pump.FireDueAsync(context.StoppingToken);
            _failures.Succeeded();
            if (fired == _options.BatchSize) return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            wait = _failures.Failed(ex, wait);
        }
        try { await _wake.WaitAsync(wait, context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}

/// <summary>
/// The Hangfire server process that delivers the outbox, woken after any commit that wrote a message. Through an outage
/// of the database it backs off and logs once (<see cref="LoopFailures"/>).
/// </summary>
public sealed class OutboxProcess : IBackgroundProcessAsync
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly OutboxDispatcher _dispatcher;
    private readonly LoopFailures _failures;
    private readonly WakeSignal _wake = new();
    private readonly StartupGate _gate;

    /// <summary>Creates the process and subscribes to the runtime's outbox notifications.</summary>
    public OutboxProcess(OutboxDispatcher dispatcher, WorkflowRuntime runtime, OutboxSignal outbox, StartupGate gate, IStoreOutages outages, ILogger<OutboxProcess> logger)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(outbox);
        _gate = gate;
        _dispatcher = dispatcher;
        _failures = new LoopFailures("The outbox dispatcher", outages, logger);
        runtime.OutboxWritten += _wake.Set;
        outbox.Written += _wake.Set;
    }

    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = Poll;
        try
        {
            await _gate.WaitAsync(context.StoppingToken);
            var attempted = await _dispatcher.DispatchDueAsync(BatchSize, context.StoppingToken);
            _failures.Succeeded();
            if (attempted == BatchSize) return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            wait = _failures.Failed(ex, wait);
        }
        try { await _wake.WaitAsync(wait, context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
