using System.Collections.Concurrent;
using System.Data.Common;

namespace Deliberation.Persistence.Sql;

/// <summary>
/// Keeps open connections with their prepared commands, so that a step costs only its statements:
/// no re-open, no re-parse. Connections beyond the pool size are closed on return.
/// </summary>
public sealed class ConnectionPool(SqlDialect dialect, int size = 16) : IDisposable
{
    private readonly ConcurrentBag<PooledConnection> _idle = [];

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect => dialect;

    /// <summary>Rents an open connection; dispose the lease to return it.</summary>
    public async ValueTask<PooledConnection> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var pooled)) return pooled;
        var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        dialect.Initialize(connection);
        return new PooledConnection(this, connection);
    }

    internal void Return(PooledConnection connection)
    {
        if (connection.Broken || _idle.Count >= size) connection.Close();
        else _idle.Add(connection);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        while (_idle.TryTake(out var c)) c.Close();
    }
}
