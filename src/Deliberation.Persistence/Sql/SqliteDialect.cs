using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Deliberation.Persistence.Sql;

/// <summary>SQLite in WAL mode with synchronous=NORMAL: durable across process crashes, one writer at a time.</summary>
public sealed class SqliteDialect(string connectionString) : SqlDialect
{
    /// <inheritdoc/>
    public override string Provider => "Sqlite";

    /// <inheritdoc/>
    public override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    /// <inheritdoc/>
    public override void Initialize(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The pragmas every pooled connection runs (public so that the benchmark's raw baseline runs the same).
    /// WAL is a property of the file (set by the migrator too); the rest is per connection. A 16 MB page
    /// cache instead of the default 2 MB keeps the b-tree interiors of a large database in memory.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-16384;";

    /// <inheritdoc/>
    public override string LastJournalId => "last_insert_rowid()";

    /// <inheritdoc/>
    public override object Id(Guid id) => id.ToByteArray();

    /// <inheritdoc/>
    public override Guid ReadId(DbDataReader reader, int ordinal) => new((byte[])reader.GetValue(ordinal));

    /// <inheritdoc/>
    public override string ClaimTimersSql =>
        """
        UPDATE timers SET lease_until = @lease
        WHERE bookmark_id IN (
            SELECT bookmark_id FROM timers
            WHERE due_at <= @now AND (lease_until IS NULL OR lease_until < @now)
            ORDER BY due_at LIMIT @max)
        RETURNING bookmark_id, instance_id, due_at
        """;

    /// <inheritdoc/>
    public override string ClaimOutboxSql =>
        """
        UPDATE outbox SET lease_until = @lease
        WHERE id IN (
            SELECT id FROM outbox
            WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now
              AND (lease_until IS NULL OR lease_until < @now)
            ORDER BY next_attempt_at LIMIT @max)
        RETURNING id, instance_id, kind, payload, created_at, attempts
        """;
}
