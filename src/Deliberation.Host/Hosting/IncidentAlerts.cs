using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
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

/// <summary>The Hangfire server process that tells staff of new incidents, every poll interval.</summary>
public sealed class IncidentAlertProcess(IncidentAlerts alerts, TimerOptions options, StartupGate gate, ILogger<IncidentAlertProcess> logger) : IBackgroundProcessAsync
{
    /// <inheritdoc/>
    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await gate.WaitAsync(context.StoppingToken);
            await alerts.NotifyAsync(context.StoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Telling staff of incidents failed; the next round tries again.");
        }
        try { await Task.Delay(options.PollInterval * 5, context.StoppingToken); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
