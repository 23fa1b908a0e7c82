using System.Net.Sockets;
using Deliberation.Engine.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Deliberation.Persistence;

/// <summary>
/// Which exceptions mean the database cannot be reached at the moment, as opposed to a refused or failed statement: on
/// PostgreSQL a broken or refused connection (an I/O or socket error, a connect or command timeout, pool exhaustion),
/// the server shutting down or starting up (57P01–57P03), a connection exception (class 08) or too many connections
/// (53300); on SQLite a database file that stays locked past the busy timeout, or a disk I/O error. Callers answer
/// these with "try again later" (503) and background loops wait them out.
/// </summary>
public sealed class DatabaseOutages : IStoreOutages
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;

    /// <inheritdoc/>
    public bool IsOutage(Exception exception) => Is(exception);

    /// <summary>Whether <paramref name="exception"/>, or any exception it wraps, is an outage of the database.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // A statement the server refused (a constraint, a deadlock) is not an outage, even where Npgsql calls it transient.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300") return true;
                    return false;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    // Npgsql's own failures: a connection that broke or could not open, a timeout, an exhausted pool.
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen:
                    return true;
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
