using Deliberation.Integrations.Timers;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Schedules;

/// <summary>
/// The Hangfire server process that starts scheduled instances: one loop per host, waiting for the host's start-up, then
/// looking at the published schedules every poll interval. Every host runs it; the idempotency keys make them agree.
/// </summary>
public sealed class ScheduleProcess(ScheduledStarts starts, ScheduleOptions options, StartupGate gate, ILogger<ScheduleProcess> logger) : IBackgroundProcessAsync
{
    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await gate.WaitAsync(context.StoppingToken);
            await starts.StartDueAsync(context.StoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The scheduler failed; it tries again after the poll interval.");
        }
        try { await Task.Delay(options.PollInterval, context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
