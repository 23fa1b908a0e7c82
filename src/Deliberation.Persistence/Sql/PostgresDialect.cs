using System.Data.Common;
using Npgsql;

namespace Deliberation.Persistence.Sql;

/// <summary>PostgreSQL: several hosts share one database; claims use SKIP LOCKED so no two hosts take the same row.</summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50, AutoPrepareMinUsages = 2 }.ConnectionString).Build();

    /// <inheritdoc/>
    public override string Provider => "PostgreSql";

    /// <inheritdoc/>
    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    /// <inheritdoc/>
    public override void ClearProviderPools()
    {
        _dataSource.Clear();
        // EF Core's contexts and Hangfire's storage open connections by the same connection string, from Npgsql's shared pool.
        using var shared = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(shared);
    }

    /// <inheritdoc/>
    public override string LastJournalId => "currval(pg_get_serial_sequence('journal', 'id'))";

    /// <inheritdoc/>
    public override string LockRowSuffix => " FOR UPDATE";

    /// <inheritdoc/>
    public override object Id(Guid id) => id;

    /// <inheritdoc/>
    public override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    /// <inheritdoc/>
    public override string ClaimTimersSql =>
        """
        UPDATE timers SET lease_until = @lease
        WHERE bookmark_id IN (
            SELECT bookmark_id FROM timers
            WHERE due_at <= @now AND (lease_until IS NULL OR lease_until < @now)
            ORDER BY due_at LIMIT @max
            FOR UPDATE SKIP LOCKED)
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
            ORDER BY next_attempt_at LIMIT @max
            FOR UPDATE SKIP LOCKED)
        RETURNING id, instance_id, kind, payload, created_at, attempts
        """;
}
