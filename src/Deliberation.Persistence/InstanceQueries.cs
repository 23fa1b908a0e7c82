using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>Read-side queries for the API: lists, journal, incidents.</summary>
public sealed class InstanceQueries(DeliberationDatabase database)
{
    /// <summary>Instances matching the filter, newest first.</summary>
    /// <param name="scopes">The communities the caller may see; null for all.</param>
    public async Task<(IReadOnlyList<InstanceRow> Items, int Total)> ListAsync(string? definitionId, string? status, string? correlationId,
        Guid? communityId, IReadOnlySet<Guid>? scopes, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var query = db.Instances.AsQueryable();
        if (scopes is not null)
        {
            var visible = scopes.ToList();
            query = query.Where(i => i.ScopeId != null && visible.Contains(i.ScopeId.Value));
        }
        if (communityId is { } c) query = query.Where(i => i.ScopeId == c);
        if (!string.IsNullOrEmpty(definitionId)) query = query.Where(i => i.DefinitionId == definitionId);
        if (!string.IsNullOrEmpty(status)) query = query.Where(i => i.Status == status);
        if (!string.IsNullOrEmpty(correlationId)) query = query.Where(i => i.CorrelationId == correlationId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.CreatedAt).Skip(skip).Take(take)
            .Select(i => new InstanceRow
            {
                Id = i.Id, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion, Status = i.Status,
                CorrelationId = i.CorrelationId, ScopeId = i.ScopeId, CreatedAt = i.CreatedAt, UpdatedAt = i.UpdatedAt, EndedAt = i.EndedAt, Revision = i.Revision,
            })
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>An instance's journal in order.</summary>
    public async Task<IReadOnlyList<JournalRow>> JournalAsync(Guid instanceId, long afterSeq, int take, CancellationToken cancellationToken)
    {
        // Stored packed per step and chained per instance (see JournalStepRow), so EF cannot query the lines.
        return await Sql.JournalChain.ReadAsync(database.Pool, instanceId, afterSeq, take, cancellationToken);
    }

    /// <summary>Incidents, open ones only unless <paramref name="includeResolved"/>.</summary>
    public async Task<IReadOnlyList<IncidentRow>> IncidentsAsync(Guid? instanceId, bool includeResolved, CancellationToken cancellationToken,
        IReadOnlySet<Guid>? scopes = null)
    {
        await using var db = database.CreateContext();
        var query = db.Incidents.AsQueryable();
        if (scopes is not null)
        {
            var visible = scopes.ToList();
            query = query.Where(i => db.Instances.Any(x => x.Id == i.InstanceId && x.ScopeId != null && visible.Contains(x.ScopeId.Value)));
        }
        if (instanceId is { } id) query = query.Where(i => i.InstanceId == id);
        if (!includeResolved) query = query.Where(i => i.ResolvedAt == null);
        return await query.OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>What an instance runs and its correlation id, for a list of instances.</summary>
    public sealed record InstanceRef(string DefinitionId, int DefinitionVersion, string? CorrelationId);

    /// <summary>The definition version and correlation id of each of the instances (those that exist).</summary>
    public async Task<IReadOnlyDictionary<Guid, InstanceRef>> InstanceRefsAsync(IReadOnlyList<Guid> instanceIds, CancellationToken cancellationToken)
    {
        if (instanceIds.Count == 0) return new Dictionary<Guid, InstanceRef>();
        await using var db = database.CreateContext();
        var rows = await db.Instances.Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion, i.CorrelationId }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new InstanceRef(r.DefinitionId, r.DefinitionVersion, r.CorrelationId));
    }

    /// <summary>Pending timers of an instance.</summary>
    public async Task<IReadOnlyList<TimerRow>> TimersAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Timers.Where(t => t.InstanceId == instanceId).ToListAsync(cancellationToken);
    }

    /// <summary>An open incident staff have not been told of, with the community and case of its instance.</summary>
    public sealed record UntoldIncident(IncidentRow Incident, Guid? CommunityId, string? CorrelationId);

    /// <summary>Open incidents nobody has told staff about yet, oldest first.</summary>
    public async Task<IReadOnlyList<UntoldIncident>> UntoldIncidentsAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await (from i in db.Incidents
                          where i.NotifiedAt == null && i.ResolvedAt == null
                          join x in db.Instances on i.InstanceId equals x.Id
                          orderby i.CreatedAt
                          select new { Incident = i, x.ScopeId, x.CorrelationId }).Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new UntoldIncident(r.Incident, r.ScopeId, r.CorrelationId)).ToList();
    }

    /// <summary>Claims telling staff of an incident: true for the one caller that marks it told (another host's claim wins otherwise).</summary>
    public async Task<bool> ClaimIncidentNoticeAsync(Guid incidentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Incidents.Where(i => i.Id == incidentId && i.NotifiedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.NotifiedAt, now), cancellationToken) == 1;
    }

    /// <summary>An outbox message's delivery status and, for an email, its subject (never its addresses or body).</summary>
    public sealed record OutboxStatus(Guid Id, Guid? InstanceId, string Kind, string Subject, DateTimeOffset CreatedAt, int Attempts,
        DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? LastError);

    /// <summary>A pending workflow timer and the instance it belongs to (the operations page lists what is due next).</summary>
    public sealed record PendingTimer(Guid BookmarkId, Guid InstanceId, string DefinitionId, string? CorrelationId, DateTimeOffset DueAt);

    /// <summary>
    /// The pending timers, soonest first, of the instances in <paramref name="scopes"/> (all when null), of one community
    /// when <paramref name="communityId"/> is given.
    /// </summary>
    public async Task<IReadOnlyList<PendingTimer>> PendingTimersAsync(int take, IReadOnlySet<Guid>? scopes, CancellationToken cancellationToken, Guid? communityId = null)
    {
        await using var db = database.CreateContext();
        var query = from t in db.Timers
                    join i in db.Instances on t.InstanceId equals i.Id
                    select new { t.BookmarkId, t.DueAt, i.Id, i.DefinitionId, i.CorrelationId, i.ScopeId };
        if (scopes is not null)
        {
            var visible = scopes.ToList();
            query = query.Where(x => x.ScopeId != null && visible.Contains(x.ScopeId.Value));
        }
        if (communityId is { } community) query = query.Where(x => x.ScopeId == community);
        return await query.OrderBy(x => x.DueAt).Take(take)
            .Select(x => new PendingTimer(x.BookmarkId, x.Id, x.DefinitionId, x.CorrelationId, x.DueAt)).ToListAsync(cancellationToken);
    }

    /// <summary>A signal that arrived and waits for its instance to take it (a staff action while the workflow was busy, say).</summary>
    public sealed record PendingSignal(Guid Id, string Name, string? Correlation, Guid InstanceId, string DefinitionId, string? CorrelationId, DateTimeOffset QueuedAt);

    /// <summary>
    /// The signals received but not yet delivered nor dropped, oldest first, of the instances in <paramref name="scopes"/>
    /// (all when null), of one community when <paramref name="communityId"/> is given. One waiting long means its instance
    /// never reached the wait for it.
    /// </summary>
    public async Task<IReadOnlyList<PendingSignal>> PendingSignalsAsync(int take, IReadOnlySet<Guid>? scopes, Guid? communityId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var query = from s in db.Signals
                    where s.DeliveredAt == null && s.DroppedAt == null
                    join i in db.Instances on s.InstanceId equals i.Id
                    select new { s.Id, s.Name, s.Correlation, s.CreatedAt, s.Seq, InstanceId = i.Id, i.DefinitionId, i.CorrelationId, i.ScopeId };
        if (scopes is not null)
        {
            var visible = scopes.ToList();
            query = query.Where(x => x.ScopeId != null && visible.Contains(x.ScopeId.Value));
        }
        if (communityId is { } community) query = query.Where(x => x.ScopeId == community);
        return await query.OrderBy(x => x.Seq).Take(take)
            .Select(x => new PendingSignal(x.Id, x.Name, x.Correlation, x.InstanceId, x.DefinitionId, x.CorrelationId, x.CreatedAt)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a message that failed for good once more: it is due now, its attempts start again; a message that has not
    /// failed is left as it is. Returns whether it was put back.
    /// </summary>
    public async Task<bool> ResendAsync(Guid outboxId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.Where(o => o.Id == outboxId && o.FailedAt != null && o.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedAt, (DateTimeOffset?)null).SetProperty(o => o.Attempts, 0)
                .SetProperty(o => o.NextAttemptAt, now).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    /// <summary>Outbox messages of an instance (for staff: delivery status).</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.Where(o => o.InstanceId == instanceId).OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Outbox messages across instances, newest first, by delivery status: <c>pending</c>, <c>sent</c>,
    /// <c>failed</c> (for good), or all when <paramref name="status"/> is null. Only an email's subject is read from the
    /// payload: it holds residents' addresses, and staff need only the delivery status.
    /// </summary>
    public async Task<IReadOnlyList<OutboxStatus>> OutboxByStatusAsync(string? status, int take, CancellationToken cancellationToken, IReadOnlySet<Guid>? scopes = null)
    {
        await using var db = database.CreateContext();
        var query = status switch
        {
            null => db.Outbox.AsQueryable(),
            "pending" => db.Outbox.Where(o => o.SentAt == null && o.FailedAt == null),
            "sent" => db.Outbox.Where(o => o.SentAt != null),
            "failed" => db.Outbox.Where(o => o.FailedAt != null),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Expected pending, sent or failed."),
        };
        if (scopes is not null)
        {
            var visible = scopes.ToList();
            query = query.Where(o => db.Instances.Any(x => x.Id == o.InstanceId && x.ScopeId != null && visible.Contains(x.ScopeId.Value)));
        }
        var rows = await query.OrderByDescending(o => o.CreatedAt).Take(take).ToListAsync(cancellationToken);
        // The subject only: the payload's addresses and body stay in the outbox.
        return rows.Select(o => new OutboxStatus(o.Id, o.InstanceId, o.Kind, SubjectOf(o), o.CreatedAt, o.Attempts, o.NextAttemptAt, o.SentAt, o.FailedAt, o.LastError)).ToList();
    }

    /// <summary>An email's subject, read from its payload; empty for another kind or a payload that is not an email.</summary>
    private static string SubjectOf(OutboxRow row)
    {
        if (row.Kind != Deliberation.Engine.Messaging.EmailMessage.OutboxKind) return "";
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(row.Payload);
            return document.RootElement.TryGetProperty("subject", out var subject) && subject.ValueKind == System.Text.Json.JsonValueKind.String ? subject.GetString() ?? "" : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }
}
