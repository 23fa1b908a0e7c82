using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Engine.Storage;
using Deliberation.Host.Api;
using Deliberation.Integrations.Timers;
using Deliberation.Persistence;
using Hangfire.Server;

namespace Deliberation.Host.Hosting;

/// <summary>
/// Tells a community's staff by email when a step of one of their deliberations faults (an incident), in Chinese, with
/// the page to open — so that a stuck deliberation does not wait for someone to look at the dashboard. Each incident
/// is told once: the host that claims it sends the email.
/// </summary>
public sealed class IncidentAlerts(InstanceQueries queries, ICivicDatabase civic, StaffAlerts alerts, AnswerLinks links, TimeProvider time)
{
    /// <summary>Emails the staff about every incident not yet told; returns how many were told.</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken)
    {
        var told = 0;
        foreach (var untold in await queries.UntoldIncidentsAsync(50, cancellationToken))
        {
            var now = time.GetUtcNow();
            if (!await queries.ClaimIncidentNoticeAsync(untold.Incident.Id, now, cancellationToken)) continue;
            // An instance of no community (an integration's) has no staff to tell; the dashboard shows it to administrators.
            if (untold.CommunityId is not { } communityId) continue;
            var text = IncidentTexts.View(untold.Incident, acceptLanguage: null).Text;
            var page = links.StaffPage(untold.CorrelationId is null ? $"/instances/{untold.Incident.InstanceId}" : $"/deliberations/{untold.Incident.InstanceId}");
            var subject = $"流程出现故障，需要处理：{untold.CorrelationId ?? untold.Incident.InstanceId.ToString()}";
            var body = $"案件 {untold.CorrelationId ?? "（无编号）"} 的流程在一步上出错，已暂停，等待工作人员处理：\n\n{text}\n\n"
                + $"请登录后打开 {page}，按提示修正后在工作台的“需要处理的故障”中点“重试”。";
            await using var db = civic.Open(tracking: true);
            await alerts.QueueAsync(db, communityId, untold.Incident.InstanceId, subject, body, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            told++;
        }
        return told;
    }
}

/// <summary>The Hangfire server process that tells staff of new incidents, every poll interval; quiet through an outage of the database.</summary>
public sealed class IncidentAlertProcess(IncidentAlerts alerts, TimerOptions options, StartupGate gate, IStoreOutages outages, ILogger<IncidentAlertProcess> logger)
    : IBackgroundProcessAsync
{
    private readonly LoopFailures _failures = new("Telling staff of incidents", outages, logger);

    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = options.PollInterval * 5;
        try
        {
            await gate.WaitAsync(context.StoppingToken);
            await alerts.NotifyAsync(context.StoppingToken);
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
