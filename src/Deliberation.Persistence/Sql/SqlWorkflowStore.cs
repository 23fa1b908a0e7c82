using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;

namespace Deliberation.Persistence.Sql;

/// <summary>
/// The engine's store on the hot path: hand-written SQL over pooled connections with cached
/// commands, one transaction per step. The schema is the EF Core model's (see the migrations).
/// </summary>
public sealed class SqlWorkflowStore(ConnectionPool pool, OutboxSignal? outbox = null) : IWorkflowStore, IOutboxStore
{
    /// <summary>Told after a step whose domain work may have written outbox rows commits.</summary>
    internal OutboxSignal? Outbox => outbox;

    private readonly SqlDialect _d = pool.Dialect;

    private const string SelectInstance =
        "SELECT definition_id, definition_version, status, correlation_id, created_at, updated_at, ended_at, revision, state, scope_id FROM instances WHERE id = @id";
    private const string InsertInstance =
        "INSERT INTO instances (id, definition_id, definition_version, status, correlation_id, created_at, updated_at, ended_at, revision, state, scope_id) " +
        "VALUES (@id, @def, @ver, @status, @corr, @created, @updated, @ended, @rev, @state, @scope)";
    private const string UpdateInstance =
        "UPDATE instances SET status = @status, updated_at = @updated, ended_at = @ended, revision = @rev, state = @state WHERE id = @id AND revision = @expected";
    private const string DeleteTimer = "DELETE FROM timers WHERE bookmark_id = @id";
    private const string InsertTimer = "INSERT INTO timers (bookmark_id, instance_id, due_at, lease_until) VALUES (@id, @inst, @due, NULL)";
    private const string InstanceColumns = "status = @status, updated_at = @updated, ended_at = @ended, revision = @rev, state = @state";

    // The journal: each step appends one row with its lines (more only if the lines are not one run of
    // sequence numbers and one time), linked to the instance's previous row; the instance row then points
    // to the new row. No index is written: the only pages a step touches are the instance's and the
    // journal's last (see JournalStepRow).
    private const string AppendFirstJournalRow =
        "INSERT INTO journal (instance_id, prev, seq, at, entries) SELECT @inst, journal_head, @seq, @at, @entries FROM instances WHERE id = @inst";
    private readonly string _appendNextJournalRow =
        $"INSERT INTO journal (instance_id, prev, seq, at, entries) VALUES (@inst, {pool.Dialect.LastJournalId}, @seq, @at, @entries)";
    private readonly string _updateInstanceAndHead =
        $"UPDATE instances SET {InstanceColumns}, journal_head = {pool.Dialect.LastJournalId} WHERE id = @id AND revision = @expected";
    private readonly string _setHead = $"UPDATE instances SET journal_head = {pool.Dialect.LastJournalId} WHERE id = @id";
    private const string InsertOutbox =
        "INSERT INTO outbox (id, instance_id, kind, payload, created_at, attempts, next_attempt_at, lease_until, sent_at, failed_at, last_error) " +
        "VALUES (@id, @inst, @kind, @payload, @created, 0, @created, NULL, NULL, NULL, NULL)";
    private const string UpsertIncident =
        "INSERT INTO incidents (id, instance_id, activity_id, execution_id, error_type, message, created_at, attempts, resolved_at, resolution, code, code_values) " +
        "VALUES (@id, @inst, @act, @exec, @type, @msg, @created, @attempts, @resolved, @resolution, @code, @values) " +
        "ON CONFLICT (id) DO UPDATE SET attempts = excluded.attempts, resolved_at = excluded.resolved_at, resolution = excluded.resolution, " +
        "error_type = CASE WHEN excluded.error_type = '' THEN incidents.error_type ELSE excluded.error_type END, " +
        "message = CASE WHEN excluded.message = '' THEN incidents.message ELSE excluded.message END, " +
        "code = CASE WHEN excluded.error_type = '' THEN incidents.code ELSE excluded.code END, " +
        "code_values = CASE WHEN excluded.error_type = '' THEN incidents.code_values ELSE excluded.code_values END";
    private const string MarkDelivered = "UPDATE signals SET delivered_at = @at WHERE id = @id AND delivered_at IS NULL AND dropped_at IS NULL";
    private const string MarkDropped = "UPDATE signals SET dropped_at = @at WHERE id = @id AND delivered_at IS NULL AND dropped_at IS NULL";
    private const string InsertSignal =
        "INSERT INTO signals (id, instance_id, name, correlation, payload, idempotency_key, created_at, delivered_at, dropped_at, checked_revision) " +
        "VALUES (@id, @inst, @name, @corr, @payload, @key, @created, NULL, NULL, NULL) ON CONFLICT (idempotency_key) DO NOTHING";
    private const string SelectQueuedSignals =
        "SELECT id, name, correlation, payload, idempotency_key, created_at FROM signals " +
        "WHERE instance_id = @inst AND delivered_at IS NULL AND dropped_at IS NULL ORDER BY seq";
    private const string InsertIdempotency =
        "INSERT INTO idempotency (key, request_hash, instance_id, result, created_at) VALUES (@key, @hash, @inst, @result, @created) ON CONFLICT (key) DO NOTHING";

    /// <inheritdoc/>
    public async Task<WorkflowInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        return await ReadInstanceAsync(c, SelectInstance, instanceId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IStepScope> BeginStepAsync(Guid? instanceId, CancellationToken cancellationToken)
    {
        var c = await pool.RentAsync(cancellationToken);
        try
        {
            // On SQLite this takes the write lock now (BEGIN IMMEDIATE): the step reads, then writes, and no other
            // writer may come between. On PostgreSQL the instance's row stays locked until the step commits.
            var tx = await c.BeginAsync(cancellationToken);
            var instance = instanceId is { } id ? await ReadInstanceAsync(c, _selectInstanceLocked, id, cancellationToken) : null;
            return new SqlStepScope(this, c, tx, instance);
        }
        catch
        {
            c.Broken = true;
            await c.EndAsync();
            await c.DisposeAsync();
            throw;
        }
    }

    private readonly string _selectInstanceLocked = SelectInstance + pool.Dialect.LockRowSuffix;

    private async Task<WorkflowInstance?> ReadInstanceAsync(PooledConnection c, string sql, Guid instanceId, CancellationToken cancellationToken)
    {
        await using var reader = await c.Command(sql, ["@id"], [_d.Id(instanceId)]).ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new WorkflowInstance
        {
            Id = instanceId,
            DefinitionId = reader.GetString(0),
            DefinitionVersion = reader.GetInt32(1),
            Status = Enum.Parse<InstanceStatus>(reader.GetString(2)),
            CorrelationId = reader.IsDBNull(3) ? null : reader.GetString(3),
            CreatedAt = FromMillis(reader.GetInt64(4)),
            UpdatedAt = FromMillis(reader.GetInt64(5)),
            EndedAt = reader.IsDBNull(6) ? null : FromMillis(reader.GetInt64(6)),
            Revision = reader.GetInt64(7),
            State = JsonSerializer.Deserialize<InstanceState>(reader.GetString(8), DefinitionJson.Options) ?? new InstanceState(),
            ScopeId = reader.IsDBNull(9) ? null : _d.ReadId(reader, 9),
        };
    }

    /// <inheritdoc/>
    public async Task<DateTimeOffset?> FindBookmarkConsumedAtAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        // A rare path (a repeated answer): it reads the instance's whole journal chain.
        var journal = await JournalChain.ReadAsync(pool, instanceId, 0, int.MaxValue, cancellationToken);
        return journal.FirstOrDefault(j => j.BookmarkId == bookmarkId && j.Kind == JournalKinds.StimulusReceived)?.At;
    }

    /// <inheritdoc/>
    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        await using var reader = await c.Command(
            "SELECT request_hash, instance_id, result, created_at FROM idempotency WHERE key = @key", ["@key"], [key]).ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new IdempotencyRecord(key, reader.GetString(0), _d.ReadId(reader, 1), reader.GetString(2), FromMillis(reader.GetInt64(3)));
    }

    /// <summary>Writes a step's engine rows in its open transaction and commits; false (rolled back) when another step won.</summary>
    internal async Task<bool> CommitInAsync(PooledConnection c, DbTransaction tx, StepCommit commit, CancellationToken cancellationToken)
    {
        if (!await WriteAsync(c, commit, cancellationToken))
        {
            // Another step moved the instance on (or it is gone, or took a signal or the key first): nothing of this one may stay.
            await tx.RollbackAsync(cancellationToken);
            return false;
        }
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Writes the engine rows of a step, and first those of the children it started (<c>RunWorkflow</c>), without committing;
    /// false when a guarded write found the instance, a signal or the idempotency key taken by another step.
    /// </summary>
    private async Task<bool> WriteAsync(PooledConnection c, StepCommit commit, CancellationToken cancellationToken)
    {
        foreach (var child in commit.Children)
            if (!await WriteAsync(c, child, cancellationToken)) return false;
        var i = commit.Instance;
        var id = _d.Id(i.Id);
        if (commit.IsNew)
        {
            await c.Command(InsertInstance, ["@id", "@def", "@ver", "@status", "@corr", "@created", "@updated", "@ended", "@rev", "@state", "@scope"],
                [id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(), i.CorrelationId, Millis(i.CreatedAt), Millis(i.UpdatedAt),
                 Millis(i.EndedAt), i.Revision, commit.StateJson, i.ScopeId is { } scope ? _d.Id(scope) : null]).ExecuteNonQueryAsync(cancellationToken);
            if (await AppendJournalAsync(c, id, commit.Journal, cancellationToken))
                await c.Command(_setHead, ["@id"], [id]).ExecuteNonQueryAsync(cancellationToken);
        }
        else if (await c.Command(await AppendJournalAsync(c, id, commit.Journal, cancellationToken) ? _updateInstanceAndHead : UpdateInstance,
                     ["@status", "@updated", "@ended", "@rev", "@state", "@id", "@expected"],
                     [i.Status.ToString(), Millis(i.UpdatedAt), Millis(i.EndedAt), i.Revision, commit.StateJson, id, commit.ExpectedRevision])
                     .ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            // Another step moved the instance on (or it is gone): nothing of this one may stay, the journal row included.
            return false;
        }

        if (commit.Idempotency is { } key && await c.Command(InsertIdempotency, ["@key", "@hash", "@inst", "@result", "@created"],
                [key.Key, key.RequestHash, id, key.Result, Millis(key.CreatedAt)]).ExecuteNonQueryAsync(cancellationToken) != 1)
            return false;

        foreach (var t in commit.RemovedTimers)
            await c.Command(DeleteTimer, ["@id"], [_d.Id(t)]).ExecuteNonQueryAsync(cancellationToken);
        // Bookmarks live in the instance state; only those with a due time get a row, in the timer index.
        foreach (var b in commit.AddedBookmarks)
        {
            if (b.DueAt is { } due)
                await c.Command(InsertTimer, ["@id", "@inst", "@due"], [_d.Id(b.Id), id, CeilingMillis(due)]).ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var o in commit.Outbox)
            await c.Command(InsertOutbox, ["@id", "@inst", "@kind", "@payload", "@created"],
                [_d.Id(o.Id), o.InstanceId is { } oi ? _d.Id(oi) : null, o.Kind, o.Payload, Millis(o.CreatedAt)]).ExecuteNonQueryAsync(cancellationToken);
        foreach (var n in commit.Incidents)
            await c.Command(UpsertIncident, ["@id", "@inst", "@act", "@exec", "@type", "@msg", "@created", "@attempts", "@resolved", "@resolution", "@code", "@values"],
                [_d.Id(n.Id), id, n.ActivityId, n.ExecutionId, n.ErrorType, n.Message, Millis(n.CreatedAt), n.Attempts, Millis(n.ResolvedAt), n.Resolution,
                 n.Code, n.Values is { Count: > 0 } values ? JsonSerializer.Serialize(values) : null])
                .ExecuteNonQueryAsync(cancellationToken);

        // A queued signal is taken once: a step that finds it taken already (by another host) leaves nothing behind.
        foreach (var (signals, sql) in new[] { (commit.DeliveredSignals, MarkDelivered), (commit.DroppedSignals, MarkDropped) })
        {
            foreach (var signal in signals)
            {
                if (await c.Command(sql, ["@at", "@id"], [Millis(i.UpdatedAt), _d.Id(signal)]).ExecuteNonQueryAsync(cancellationToken) != 1) return false;
            }
        }

        // Signals for other instances (a child's end for its parent), queued with the change that causes them.
        foreach (var signal in commit.Signals)
            await c.Command(InsertSignal, ["@id", "@inst", "@name", "@corr", "@payload", "@key", "@created"],
                [_d.Id(signal.Id), _d.Id(signal.InstanceId), signal.Name, signal.Correlation, signal.Payload?.ToJsonString(), signal.IdempotencyKey,
                 Millis(signal.CreatedAt)]).ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Appends the step's journal lines to the instance's chain: one row per run of consecutive sequence
    /// numbers at one time (one row in every step the runner makes). The caller then points the instance
    /// row at the last row appended, in the same transaction.
    /// </summary>
    /// <returns>True when a row was appended.</returns>
    private async Task<bool> AppendJournalAsync(PooledConnection c, object id, List<JournalEntry> journal, CancellationToken cancellationToken)
    {
        var first = true;
        for (var start = 0; start < journal.Count;)
        {
            var end = start + 1;
            while (end < journal.Count && journal[end].Seq == journal[end - 1].Seq + 1 && journal[end].At == journal[start].At) end++;
            await c.Command(first ? AppendFirstJournalRow : _appendNextJournalRow, ["@inst", "@seq", "@at", "@entries"],
                [id, journal[start].Seq, Millis(journal[start].At), JournalChain.Pack(journal, start, end - start)]).ExecuteNonQueryAsync(cancellationToken);
            first = false;
            start = end;
        }
        return !first;
    }

    /// <inheritdoc/>
    public async Task<bool> QueueSignalAsync(QueuedSignal signal, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        return await c.Command(InsertSignal, ["@id", "@inst", "@name", "@corr", "@payload", "@key", "@created"],
            [_d.Id(signal.Id), _d.Id(signal.InstanceId), signal.Name, signal.Correlation, signal.Payload?.ToJsonString(), signal.IdempotencyKey,
             Millis(signal.CreatedAt)]).ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<QueuedSignal>> GetQueuedSignalsAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        var list = new List<QueuedSignal>();
        await using var reader = await c.Command(SelectQueuedSignals, ["@inst"], [_d.Id(instanceId)]).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new QueuedSignal(_d.ReadId(reader, 0), instanceId, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : JsonNode.Parse(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4), FromMillis(reader.GetInt64(5))));
        return list;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Guid>> FindInstancesWithUncheckedSignalsAsync(int max, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        var list = new List<Guid>();
        await using var reader = await c.Command(
            "SELECT DISTINCT s.instance_id FROM signals s JOIN instances i ON i.id = s.instance_id " +
            "WHERE s.delivered_at IS NULL AND s.dropped_at IS NULL AND (s.checked_revision IS NULL OR s.checked_revision <> i.revision) LIMIT @max",
            ["@max"], [max]).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add(_d.ReadId(reader, 0));
        return list;
    }

    /// <inheritdoc/>
    public async Task MarkSignalsCheckedAsync(Guid instanceId, IReadOnlyList<Guid> signalIds, long revision, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        foreach (var id in signalIds)
            await c.Command("UPDATE signals SET checked_revision = @rev WHERE id = @id AND instance_id = @inst", ["@rev", "@id", "@inst"],
                [revision, _d.Id(id), _d.Id(instanceId)]).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        var list = new List<DueTimer>();
        await using var reader = await c.Command(_d.ClaimTimersSql, ["@lease", "@now", "@max"], [Millis(now + lease), Millis(now), max]).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new DueTimer(_d.ReadId(reader, 0), _d.ReadId(reader, 1), FromMillis(reader.GetInt64(2))));
        return list.OrderBy(t => t.DueAt).ToList();
    }

    /// <inheritdoc/>
    public async Task DeleteTimerAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        await c.Command(DeleteTimer, ["@id"], [_d.Id(bookmarkId)]).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        var value = await c.Command("SELECT MIN(due_at) FROM timers WHERE lease_until IS NULL", [], []).ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : FromMillis(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        var list = new List<ClaimedOutboxMessage>();
        await using var reader = await c.Command(_d.ClaimOutboxSql, ["@lease", "@now", "@max"], [Millis(now + lease), Millis(now), max]).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var message = new OutboxMessage(_d.ReadId(reader, 0), reader.IsDBNull(1) ? null : _d.ReadId(reader, 1),
                reader.GetString(2), reader.GetString(3), FromMillis(reader.GetInt64(4)));
            list.Add(new ClaimedOutboxMessage(message, reader.GetInt32(5)));
        }
        return list.OrderBy(m => m.Message.CreatedAt).ToList();
    }

    /// <inheritdoc/>
    public async Task MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        await c.Command("UPDATE outbox SET sent_at = @at, attempts = attempts + 1, lease_until = NULL, last_error = NULL WHERE id = @id",
            ["@at", "@id"], [Millis(at), _d.Id(id)]).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task DeferAsync(IReadOnlyList<Guid> ids, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        foreach (var id in ids)
            await c.Command("UPDATE outbox SET lease_until = NULL, last_error = @err, next_attempt_at = @next WHERE id = @id AND sent_at IS NULL",
                ["@err", "@next", "@id"], [error.Length > 1000 ? error[..1000] : error, Millis(nextAttemptAt), _d.Id(id)]).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task MarkFailedAsync(Guid id, DateTimeOffset at, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        await c.Command(
            "UPDATE outbox SET attempts = attempts + 1, lease_until = NULL, last_error = @err, " +
            "next_attempt_at = COALESCE(@next, next_attempt_at), failed_at = CASE WHEN @next IS NULL THEN @at ELSE NULL END WHERE id = @id",
            ["@err", "@next", "@at", "@id"], [error.Length > 1000 ? error[..1000] : error, Millis(nextAttemptAt), Millis(at), _d.Id(id)])
            .ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task ReleaseLeasesAsync(CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        await c.Command("UPDATE timers SET lease_until = NULL WHERE lease_until IS NOT NULL", [], []).ExecuteNonQueryAsync(cancellationToken);
        await c.Command("UPDATE outbox SET lease_until = NULL WHERE lease_until IS NOT NULL", [], []).ExecuteNonQueryAsync(cancellationToken);
    }

    private static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static long? Millis(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    // A due time between two milliseconds rounds up: rounded down, the timer could fire before it is due.
    private static long CeilingMillis(DateTimeOffset at) =>
        at.ToUnixTimeMilliseconds() + (at.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);

    private static DateTimeOffset FromMillis(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
