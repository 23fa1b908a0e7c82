using System.Collections.Concurrent;
using System.Data;

namespace Deliberation.Persistence.Sql;

/// <summary>
/// Keeps open connections with their prepared commands, so that a step costs only its statements:
/// no re-open, no re-parse. Connections beyond the pool size are closed on return. A connection that broke is closed
/// and so is every idle one: a server that restarted has ended them all, and each would fail its next request.
/// </summary>
public sealed class ConnectionPool(SqlDialect dialect, int size = 16) : IDisposable
{
    private readonly ConcurrentBag<PooledConnection> _idle = [];

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect => dialect;

    /// <summary>Rents an open connection; dispose the lease to return it.</summary>
    public async ValueTask<PooledConnection> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (pooled.Connection.State == ConnectionState.Open) return pooled;
            pooled.Close();
            dialect.ClearProviderPools();
        }
        var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        dialect.Initialize(connection);
        return new PooledConnection(this, connection);
    }

    internal void Return(PooledConnection connection)
    {
        if (connection.Connection.State != ConnectionState.Open)
        {
            // The provider closed it after a failure of the connection itself (not of a statement): the server went away.
            connection.Close();
            Drain();
            dialect.ClearProviderPools();
        }
        else if (connection.Broken || _idle.Count >= size) connection.Close();
        else _idle.Add(connection);
    }

    /// <inheritdoc/>
    public void Dispose() => Drain();

    private void Drain()
    {
        while (_idle.TryTake(out var c)) c.Close();
    }
}
