using Deliberation.Engine.Messaging;
using Deliberation.Persistence.Sql;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>Creates contexts and the hot-path connection pool for the configured provider, and migrates the schema.</summary>
public sealed class DeliberationDatabase : IDisposable
{
    private readonly DatabaseOptions _options;
    private readonly OutboxWriteInterceptor _outbox;

    /// <summary>Sets up the provider; <paramref name="outbox"/> hears of every commit that wrote outbox rows.</summary>
    /// <exception cref="ArgumentException">Unknown provider or missing connection string.</exception>
    public DeliberationDatabase(DatabaseOptions options, OutboxSignal? outbox = null)
    {
        _options = options;
        OutboxSignal = outbox ?? new OutboxSignal();
        _outbox = new OutboxWriteInterceptor(OutboxSignal);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException("Deliberation:Database:ConnectionString is empty.");
        if (!options.IsPostgres && !options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Unknown database provider '{options.Provider}': use Sqlite or PostgreSql.");
        Pool = new ConnectionPool(options.IsPostgres ? new PostgresDialect(options.ConnectionString) : new SqliteDialect(options.ConnectionString));
    }

    /// <summary>Told after commits that wrote outbox rows.</summary>
    public OutboxSignal OutboxSignal { get; }

    /// <summary>The hot-path pool.</summary>
    public ConnectionPool Pool { get; }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres => _options.IsPostgres;

    /// <summary>Creates a context for queries and stores; read-only queries do not track unless <paramref name="tracking"/>.</summary>
    public DeliberationDbContext CreateContext(bool tracking = false)
    {
        var behaviour = tracking ? QueryTrackingBehavior.TrackAll : QueryTrackingBehavior.NoTracking;
        return _options.IsPostgres
            ? new PostgresDeliberationDbContext(new DbContextOptionsBuilder<PostgresDeliberationDbContext>()
                .UseNpgsql(_options.ConnectionString).UseQueryTrackingBehavior(behaviour).AddInterceptors(_outbox).Options)
            : new SqliteDeliberationDbContext(new DbContextOptionsBuilder<SqliteDeliberationDbContext>()
                .UseSqlite(_options.ConnectionString).UseQueryTrackingBehavior(behaviour).AddInterceptors(_outbox).Options);
    }

    /// <summary>
    /// Creates a context in a step's unit of work (its connection and transaction), so that what domain code reads
    /// and writes there commits together with the workflow step, or not at all (dispose it; the connection stays open
    /// for the step).
    /// </summary>
    /// <exception cref="ArgumentException">The scope is not this database's.</exception>
    public async Task<DeliberationDbContext> CreateContextAsync(Deliberation.Engine.Storage.IStepScope step, CancellationToken cancellationToken)
    {
        if (step is not SqlStepScope sql) throw new ArgumentException("The step's unit of work does not belong to this database.", nameof(step));
        await sql.OpenForDomainAsync(cancellationToken);
        DeliberationDbContext context = _options.IsPostgres
            ? new PostgresDeliberationDbContext(new DbContextOptionsBuilder<PostgresDeliberationDbContext>().UseNpgsql(sql.Connection).Options)
            : new SqliteDeliberationDbContext(new DbContextOptionsBuilder<SqliteDeliberationDbContext>().UseSqlite(sql.Connection).Options);
        await context.Database.UseTransactionAsync(sql.Transaction, cancellationToken);
        return context;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        if (!_options.IsPostgres) await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => Pool.Dispose();
}
