using System.Net.Sockets;
using Deliberation.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Deliberation.Host.Tests.Faults;

/// <summary>Which failures answer 503 database-unavailable (and which loops wait out), and which stay failures of the request.</summary>
[Trait("Category", "Faults")]
public sealed class DatabaseOutagesTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "server shutting down (pg_ctl stop -m fast)", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "server starting up", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03") },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "connection cut mid-read", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "wrapped by EF Core", new DbUpdateException("An error occurred while saving", new NpgsqlException("Exception while writing to stream", new IOException())) },
        { "SQLite locked past its busy timeout", new SqliteException("database is locked", 5) },
        { "SQLite disk I/O error", new SqliteException("disk I/O error", 10) },
    };

    public static TheoryData<string, Exception> Failures => new()
    {
        { "unique violation", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505") },
        { "deadlock (transient, but the server answers)", new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01") },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Is_DatabaseCannotBeReached_True(string name, Exception exception) => Assert.True(DatabaseOutages.Is(exception), name);

    [Theory]
    [MemberData(nameof(Failures))]
    public void Is_StatementFailedOnAnsweringDatabase_False(string name, Exception exception) => Assert.False(DatabaseOutages.Is(exception), name);
}
