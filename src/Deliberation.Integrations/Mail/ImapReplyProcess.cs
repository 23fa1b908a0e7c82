using Deliberation.Engine.Storage;
using Deliberation.Integrations.Timers;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Mail;

/// <summary>
/// The Hangfire server process that reads the replies mailbox every <see cref="ImapOptions.PollInterval"/>, once the host
/// has started; registered only when a mailbox is configured. A round that fails (the mail server or the database is
/// down) is logged and tried again (<see cref="LoopFailures"/>); nothing is lost, the replies wait in the mailbox.
/// </summary>
public sealed class ImapReplyProcess(ImapReplyReader reader, ImapOptions options, StartupGate gate, IStoreOutages outages, ILogger<ImapReplyProcess> logger)
    : IBackgroundProcessAsync
{
    private readonly LoopFailures _failures = new("The replies mailbox reader", outages, logger);

    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = options.PollInterval;
        try
        {
            await gate.WaitAsync(context.StoppingToken);
            var read = await reader.ReadAsync(context.StoppingToken);
            _failures.Succeeded();
            if (read == ImapReplyReader.BatchSize) return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            wait = _failures.Failed(ex, wait);
        }
        try { await Task.Delay(wait, context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
