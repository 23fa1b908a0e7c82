using Deliberation.Engine.Storage;
using Deliberation.Integrations.Timers;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Schedules;

/// <summary>
/// The Hangfire server process that starts scheduled instances: one loop per host, waiting for the host's start-up, then
/// looking at the published schedules every poll interval. Every host runs it; the idempotency keys make them agree.
/// Through an outage of the database it backs off and logs once (<see cref="LoopFailures"/>).
/// </summary>
public sealed class ScheduleProcess(ScheduledStarts starts, ScheduleOptions options, StartupGate gate, IStoreOutages outages, ILogger<ScheduleProcess> logger)
    : IBackgroundProcessAsync
{
    private readonly LoopFailures _failures = new("The scheduler", outages, logger);

    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = options.PollInterval;
        try
        {
            await gate.WaitAsync(context.StoppingToken);
            await starts.StartDueAsync(context.StoppingToken);
            _failures.Succeeded();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            wait = _failures.Failed(ex, wait);
        }
        try { await Task.Delay(wait, context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
