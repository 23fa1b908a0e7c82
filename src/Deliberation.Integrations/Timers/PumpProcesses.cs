using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Integrations.Outbox;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Timers;

/// <summary>
/// The Hangfire server process that wakes the timer pump: one loop per host, not one job per timer,
/// so 100,000 pending timers cost 100,000 rows and no Hangfire state. It sleeps until the poll
/// interval passes or a step schedules an earlier timer. Each round first sweeps the signal inboxes.
/// </summary>
public sealed class TimerPumpProcess : IBackgroundProcessAsync
{
    private readonly TimerPump _pump;
    private readonly TimerOptions _options;
    private readonly ILogger<TimerPumpProcess> _logger;
    private readonly WakeSignal _wake = new();
    private readonly StartupGate _gate;

    /// <summary>Creates the process and subscribes to the runtime's timer notifications.</summary>
    public TimerPumpProcess(TimerPump pump, WorkflowRuntime runtime, TimerOptions options, StartupGate gate, ILogger<TimerPumpProcess> logger)
    {
        _pump = pump;
        _gate = gate;
        _options = options;
        _logger = logger;
        runtime.TimerScheduled += _ => _wake.Set();
    }

    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        try
        {
            await _gate.WaitAsync(context.StoppingToken);
            await _pump.DeliverQueuedSignalsAsync(context.StoppingToken);
            if (await _pump.FireDueAsync(context.StoppingToken) == _options.BatchSize) return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "The timer pump failed; it tries again after the poll interval.");
        }
        try { await _wake.WaitAsync(_options.PollInterval, context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}

/// <summary>The Hangfire server process that delivers the outbox, woken after any commit that wrote a message.</summary>
public sealed class OutboxProcess : IBackgroundProcessAsync
{
    private const int BatchSize = 50;
    private readonly OutboxDispatcher _dispatcher;
    private readonly ILogger<OutboxProcess> _logger;
    private readonly WakeSignal _wake = new();
    private readonly StartupGate _gate;

    /// <summary>Creates the process and subscribes to the runtime's outbox notifications.</summary>
    public OutboxProcess(OutboxDispatcher dispatcher, WorkflowRuntime runtime, OutboxSignal outbox, StartupGate gate, ILogger<OutboxProcess> logger)
    {
        _gate = gate;
        _dispatcher = dispatcher;
        _logger = logger;
        runtime.OutboxWritten += _wake.Set;
        outbox.Written += _wake.Set;
    }

    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        try
        {
            await _gate.WaitAsync(context.StoppingToken);
            if (await _dispatcher.DispatchDueAsync(BatchSize, context.StoppingToken) == BatchSize) return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "The outbox dispatcher failed; it tries again shortly.");
        }
        try { await _wake.WaitAsync(TimeSpan.FromSeconds(2), context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
