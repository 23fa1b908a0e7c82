using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Schedules;

/// <summary>
/// Starts the instances that definitions' schedules call for. For each definition whose newest published version has a
/// schedule, it takes the schedule's most recent occurrence at or before now and starts it once in each of the
/// schedule's communities (every community that existed at the occurrence, for a schedule that starts in all).
/// <para>
/// Exactly once: each occurrence's start carries the idempotency key <c>schedule:{definition}:{community}:{occurrence}</c>,
/// which the engine commits in the same transaction as the new instance, under a unique key. Two hosts racing on one
/// occurrence both try; one commit wins, the other finds the key taken and gets the first result back. A host that dies
/// before its commit leaves nothing, so the next round (on any host) starts the occurrence. Nothing else is stored: the
/// keys are the record of which occurrences started.
/// </para>
/// <para>
/// Missed occurrences: only the most recent occurrence is ever started, so after hosts were down across several
/// occurrences, one instance starts (for the newest), not a burst, and a warning names the skipped one before it. An
/// occurrence before the version with the schedule was published is never started.
/// </para>
/// </summary>
public sealed class ScheduledStarts(IDefinitionStore definitions, DefinitionService service, WorkflowRuntime runtime, CommunityStore communities,
    TimeProvider time, IStoreOutages outages, ILogger<ScheduledStarts> logger)
{
    // Occurrences whose start was refused (inputs a definition no longer accepts, say): tried again each round, logged once.
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);

    /// <summary>The idempotency key of one occurrence's start in one community.</summary>
    public static string KeyOf(string definitionId, Guid communityId, DateTimeOffset occurrence) =>
        $"schedule:{definitionId}:{communityId:N}:{occurrence.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The communities a schedule starts in at <paramref name="occurrence"/>: a community's own workflow in its community, a
    /// shared one in those it lists, or in every community that existed at the occurrence when it starts in all.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> CommunitiesOfAsync(WorkflowSchedule schedule, Guid? owner, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        if (owner is { } own) return [own];
        if (!schedule.AllCommunities) return (schedule.CommunityIds ?? []).Distinct().ToList();
        // A community created after the occurrence did not exist when it came: its first start is its next occurrence.
        return (await communities.ListCommunitiesAsync(cancellationToken)).Where(c => c.CreatedAt <= occurrence).Select(c => c.Id).ToList();
    }

    /// <summary>
    /// Starts every due occurrence not yet started; returns how many instances this call started. A definition whose start
    /// fails is logged and tried again next round; an outage of the database ends the round and reaches the caller.
    /// </summary>
    public async Task<int> StartDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var started = 0;
        foreach (var latest in await definitions.ListLatestAsync(cancellationToken))
        {
            try
            {
                started += await StartDueAsync(latest, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !outages.IsOutage(ex))
            {
                // Nothing was committed for the failed start: the next round tries the same occurrence again.
                logger.LogError(ex, "The schedule of {DefinitionId} could not start its due occurrence; the next round tries again.", latest.DefinitionId);
            }
        }
        return started;
    }

    private async Task<int> StartDueAsync(DefinitionVersion latest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Cheap test first: most definitions have no schedule, and a draft's text says nothing about the published one.
        if (latest.IsPublished && !latest.Json.Contains("\"schedule\"", StringComparison.Ordinal)) return 0;
        var published = latest.IsPublished ? latest : await definitions.GetLatestPublishedAsync(latest.DefinitionId, cancellationToken);
        if (published?.PublishedAt is not { } since) return 0;
        var workflow = await service.GetRunnableAsync(published.DefinitionId, published.Version, cancellationToken);
        if (workflow.Definition.Schedule is not { } schedule || ScheduleCalendar.TryCreate(schedule) is not { } calendar) return 0;
        if (calendar.LatestAtOrBefore(now) is not { } occurrence || occurrence < since) return 0;

        var started = 0;
        foreach (var community in await CommunitiesOfAsync(schedule, published.OwnerCommunityId, occurrence, cancellationToken))
        {
            var key = KeyOf(published.DefinitionId, community, occurrence);
            if (await runtime.WasStartedAsync(key, cancellationToken)) continue;
            if (calendar.Before(occurrence) is { } missed && missed >= since
                && !await runtime.WasStartedAsync(KeyOf(published.DefinitionId, community, missed), cancellationToken))
            {
                logger.LogWarning("The schedule of {DefinitionId} in community {CommunityId} missed {Missed} (and any occurrence before it) while no host ran; "
                    + "only the most recent, {Occurrence}, starts now.", published.DefinitionId, community, missed, occurrence);
            }
            if (await StartAsync(published, schedule, community, occurrence, key, cancellationToken)) started++;
        }
        return started;
    }

    private async Task<bool> StartAsync(DefinitionVersion published, WorkflowSchedule schedule, Guid community, DateTimeOffset occurrence, string key,
        CancellationToken cancellationToken)
    {
        try
        {
            var input = schedule.Input?.DeepClone() as JsonObject;
            var report = await runtime.StartAsync(new StartRequest(published.DefinitionId, published.Version, input, null, key, community), cancellationToken);
            if (report.Replayed) return false;
            _refused.TryRemove(key, out _);
            logger.LogInformation("The schedule of {DefinitionId} version {Version} started instance {InstanceId} in community {CommunityId} for {Occurrence}.",
                published.DefinitionId, published.Version, report.InstanceId, community, occurrence);
            return true;
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.IdempotencyMismatch)
        {
            // Another host started this occurrence from a different version, published meanwhile: it is started.
            return false;
        }
        catch (WorkflowException ex) when (ex.Kind is WorkflowErrorKind.Invalid or WorkflowErrorKind.NotFound)
        {
            if (_refused.TryAdd(key, true))
                logger.LogError("The schedule of {DefinitionId} could not start {Occurrence} in community {CommunityId}: {Code} {Reason}. It tries again each round.",
                    published.DefinitionId, occurrence, community, ex.Code, ex.Message);
            return false;
        }
    }
}
