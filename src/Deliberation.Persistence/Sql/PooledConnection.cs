using System.Data;
using System.Data.Common;

namespace Deliberation.Persistence.Sql;

/// <summary>A rented connection with a cache of its commands by SQL text.</summary>
public sealed class PooledConnection : IAsyncDisposable
{
    private readonly ConnectionPool _pool;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    internal PooledConnection(ConnectionPool pool, DbConnection connection)
    {
        _pool = pool;
        Connection = connection;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The current transaction, if any.</summary>
    public DbTransaction? Transaction { get; private set; }

    /// <summary>Set when the connection failed; it is closed instead of pooled.</summary>
    public bool Broken { get; set; }

    /// <summary>Begins a transaction that <see cref="Command"/> attaches to.</summary>
    public async ValueTask<DbTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        // The provider's default level: read committed on PostgreSQL, serializable (one writer) on SQLite.
        Transaction = await Connection.BeginTransactionAsync(cancellationToken);
        return Transaction;
    }

    /// <summary>Ends the transaction scope (after commit or rollback).</summary>
    public async ValueTask EndAsync()
    {
        if (Transaction is not null) await Transaction.DisposeAsync();
        Transaction = null;
    }

    /// <summary>A cached command for the SQL text, its parameters set to the values given in order of <paramref name="names"/>.</summary>
    public DbCommand Command(string sql, ReadOnlySpan<string> names, ReadOnlySpan<object?> values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in names)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                command.Parameters.Add(p);
            }
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    internal void Close()
    {
        foreach (var c in _commands.Values) c.Dispose();
        _commands.Clear();
        Connection.Dispose();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            // A lease returned inside a transaction means the caller failed midway.
            Broken = true;
        }
        _pool.Return(this);
        return ValueTask.CompletedTask;
    }
}
