using System.Data.Common;
using System.Text.Json;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;

namespace Deliberation.Persistence.Sql;

/// <summary>
/// The engine's store on the hot path: hand-written SQL over pooled connections with cached
/// commands, one transaction per step. The schema is the EF Core model's (see the migrations).
/// </summary>
public sealed class SqlWorkflowStore(ConnectionPool pool) : IWorkflowStore, IOutboxStore
{
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
    private const int JournalBatch = 16;

    /// <summary>INSERT statements for 1…16 journal lines, with their parameter names.</summary>
    private static readonly (string Sql, string[] Names)[] JournalInserts = Enumerable.Range(0, JournalBatch + 1).Select(count =>
    {
        var names = new List<string> { "@inst" };
        var rows = new List<string>();
        for (var r = 0; r < count; r++)
        {
            string[] row = [$"@seq{r}", $"@at{r}", $"@kind{r}", $"@act{r}", $"@exec{r}", $"@bm{r}", $"@outcome{r}", $"@detail{r}"];
            names.AddRange(row);
            rows.Add($"(@inst, {string.Join(", ", row)})");
        }
        return ("INSERT INTO journal (instance_id, seq, at, kind, activity_id, execution_id, bookmark_id, outcome, detail) VALUES " + string.Join(", ", rows), names.ToArray());
    }).ToArray();
    private const string InsertOutbox =
        "INSERT INTO outbox (id, instance_id, kind, payload, created_at, attempts, next_attempt_at, lease_until, sent_at, failed_at, last_error) " +
        "VALUES (@id, @inst, @kind, @payload, @created, 0, @created, NULL, NULL, NULL, NULL)";
    private const string UpsertIncident =
        "INSERT INTO incidents (id, instance_id, activity_id, execution_id, error_type, message, created_at, attempts, resolved_at, resolution) " +
        "VALUES (@id, @inst, @act, @exec, @type, @msg, @created, @attempts, @resolved, @resolution) " +
        "ON CONFLICT (id) DO UPDATE SET attempts = excluded.attempts, resolved_at = excluded.resolved_at, resolution = excluded.resolution, " +
        "error_type = CASE WHEN excluded.error_type = '' THEN incidents.error_type ELSE excluded.error_type END, " +
        "message = CASE WHEN excluded.message = '' THEN incidents.message ELSE excluded.message END";
    private const string InsertIdempotency =
        "INSERT INTO idempotency (key, request_hash, instance_id, result, created_at) VALUES (@key, @hash, @inst, @result, @created) ON CONFLICT (key) DO NOTHING";

    /// <inheritdoc/>
    public async Task<WorkflowInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var c = await pool.RentAsync(cancellationToken);
        await using var reader = await c.Command(SelectInstance, ["@id"], [_d.Id(instanceId)]).ExecuteReaderAsync(cancellationToken);
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
        await using var c = await pool.RentAsync(cancellationToken);
        var value = await c.Command(
            "SELECT MIN(at) FROM journal WHERE instance_id = @inst AND bookmark_id = @bm AND kind = 'StimulusReceived'",
            ["@inst", "@bm"], [_d.Id(instanceId), _d.Id(bookmarkId)]).ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : FromMillis(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
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

    /// <inheritdoc/>
    public async Task<bool> CommitAsync(StepCommit commit, CancellationToken cancellationToken)
    {
        var i = commit.Instance;
        var id = _d.Id(i.Id);
        await using var c = await pool.RentAsync(cancellationToken);
        var tx = await c.BeginAsync(cancellationToken);
        try
        {
            if (commit.IsNew)
            {
                await c.Command(InsertInstance, ["@id", "@def", "@ver", "@status", "@corr", "@created", "@updated", "@ended", "@rev", "@state", "@scope"],
                    [id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(), i.CorrelationId, Millis(i.CreatedAt), Millis(i.UpdatedAt),
                     Millis(i.EndedAt), i.Revision, commit.StateJson, i.ScopeId is { } scope ? _d.Id(scope) : null]).ExecuteNonQueryAsync(cancellationToken);
            }
            else if (await c.Command(UpdateInstance, ["@status", "@updated", "@ended", "@rev", "@state", "@id", "@expected"],
                         [i.Status.ToString(), Millis(i.UpdatedAt), Millis(i.EndedAt), i.Revision, commit.StateJson, id, commit.ExpectedRevision])
                         .ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await tx.RollbackAsync(cancellationToken);
                await c.EndAsync();
                return false;
            }

            if (commit.Idempotency is { } key && await c.Command(InsertIdempotency, ["@key", "@hash", "@inst", "@result", "@created"],
                    [key.Key, key.RequestHash, id, key.Result, Millis(key.CreatedAt)]).ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await tx.RollbackAsync(cancellationToken);
                await c.EndAsync();
                return false;
            }

            foreach (var t in commit.RemovedTimers)
                await c.Command(DeleteTimer, ["@id"], [_d.Id(t)]).ExecuteNonQueryAsync(cancellationToken);
            // Bookmarks live in the instance state; only those with a due time get a row, in the timer index.
            foreach (var b in commit.AddedBookmarks)
            {
                if (b.DueAt is { } due)
                    await c.Command(InsertTimer, ["@id", "@inst", "@due"], [_d.Id(b.Id), id, CeilingMillis(due)]).ExecuteNonQueryAsync(cancellationToken);
            }
            // Journal lines go in multi-row inserts: one statement per step in the common case.
            for (var start = 0; start < commit.Journal.Count; start += JournalBatch)
            {
                var count = Math.Min(JournalBatch, commit.Journal.Count - start);
                var values = new object?[1 + (count * 8)];
                values[0] = id;
                for (var r = 0; r < count; r++)
                {
                    var j = commit.Journal[start + r];
                    var v = 1 + (r * 8);
                    values[v] = j.Seq;
                    values[v + 1] = Millis(j.At);
                    values[v + 2] = j.Kind;
                    values[v + 3] = j.ActivityId;
                    values[v + 4] = j.ExecutionId;
                    values[v + 5] = j.BookmarkId is { } bm ? _d.Id(bm) : null;
                    values[v + 6] = j.Outcome;
                    values[v + 7] = j.Detail;
                }
                var (sql, names) = JournalInserts[count];
                await c.Command(sql, names, values).ExecuteNonQueryAsync(cancellationToken);
            }
            foreach (var o in commit.Outbox)
                await c.Command(InsertOutbox, ["@id", "@inst", "@kind", "@payload", "@created"],
                    [_d.Id(o.Id), o.InstanceId is { } oi ? _d.Id(oi) : null, o.Kind, o.Payload, Millis(o.CreatedAt)]).ExecuteNonQueryAsync(cancellationToken);
            foreach (var n in commit.Incidents)
                await c.Command(UpsertIncident, ["@id", "@inst", "@act", "@exec", "@type", "@msg", "@created", "@attempts", "@resolved", "@resolution"],
                    [_d.Id(n.Id), id, n.ActivityId, n.ExecutionId, n.ErrorType, n.Message, Millis(n.CreatedAt), n.Attempts, Millis(n.ResolvedAt), n.Resolution])
                    .ExecuteNonQueryAsync(cancellationToken);

            if (commit.DomainWrites.Count > 0)
            {
                var step = new StepTransaction(c.Connection, tx);
                foreach (var write in commit.DomainWrites) await write(step, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            await c.EndAsync();
            return true;
        }
        catch
        {
            c.Broken = true;
            try { await tx.RollbackAsync(CancellationToken.None); } catch (DbException) { /* the connection is discarded anyway */ }
            await c.EndAsync();
            throw;
        }
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

    private sealed record StepTransaction(DbConnection Connection, DbTransaction Transaction) : IStepTransaction;

    private static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static long? Millis(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    // A due time between two milliseconds rounds up: rounded down, the timer could fire before it is due.
    private static long CeilingMillis(DateTimeOffset at) =>
        at.ToUnixTimeMilliseconds() + (at.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);

    private static DateTimeOffset FromMillis(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
