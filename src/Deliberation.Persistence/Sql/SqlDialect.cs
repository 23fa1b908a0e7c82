using System.Data.Common;

namespace Deliberation.Persistence.Sql;

/// <summary>What differs between SQLite and PostgreSQL on the hot path.</summary>
public abstract class SqlDialect
{
    /// <summary>The provider name used in configuration.</summary>
    public abstract string Provider { get; }

    /// <summary>Creates a closed connection.</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>
    /// Closes the provider's idle connections to the database (not only this pool's), after one of them broke: when
    /// the server restarted, every connection it had is dead, and each would fail the next request that takes it.
    /// </summary>
    public virtual void ClearProviderPools() { }

    /// <summary>Runs once on each newly opened pooled connection.</summary>
    public virtual void Initialize(DbConnection connection) { }

    /// <summary>An SQL expression for the id of the journal row this connection inserted last (in this transaction).</summary>
    public abstract string LastJournalId { get; }

    /// <summary>What follows the step's read of its instance row to lock it against other hosts' steps until commit ("" where the transaction itself holds the only write lock).</summary>
    public virtual string LockRowSuffix => "";

    /// <summary>The parameter value for an id.</summary>
    public abstract object Id(Guid id);

    /// <summary>Reads an id column.</summary>
    public abstract Guid ReadId(DbDataReader reader, int ordinal);

    /// <summary>
    /// Claims due timers: parameters <c>@now</c>, <c>@lease</c>, <c>@max</c>; returns bookmark_id,
    /// instance_id, due_at.
    /// </summary>
    public abstract string ClaimTimersSql { get; }

    /// <summary>Claims outbox messages due for an attempt: <c>@now</c>, <c>@lease</c>, <c>@max</c>.</summary>
    public abstract string ClaimOutboxSql { get; }
}
