using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Deliberation.Host.Tests.Hosting;

/// <summary>
/// A database of the version before tasks named their meeting and vote by column migrates with its tasks linked: the
/// ids that were only in each task's JSON land in the new columns (SQLite's 16-byte blobs in .NET's byte order).
/// </summary>
public sealed class TaskColumnsMigrationTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const string Before = "DurableSignals";

    [Fact]
    public async Task Migrate_FromTheVersionBefore_OnSqlite_LinksMeetingTasksByColumn()
    {
        var folder = TestPaths.NewTempFolder();
        try
        {
            using var database = new DeliberationDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "old.db")}" });
            await MigrateAndCheckAsync(database, id => id.ToByteArray());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    [Fact]
    public async Task Migrate_FromTheVersionBefore_OnPostgres_LinksMeetingTasksByColumn()
    {
        var name = "deliberation_task_columns_" + Guid.NewGuid().ToString("N")[..8];
        await cluster.CreateDatabaseAsync(name);
        using var database = new DeliberationDatabase(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = cluster.ConnectionString(name) });
        await MigrateAndCheckAsync(database, id => id);
    }

    private static async Task MigrateAndCheckAsync(DeliberationDatabase database, Func<Guid, object> id)
    {
        var (meeting, vote, voteTask, rsvpTask, progressTask) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var old = database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync(Before);
            var connection = old.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var (task, purpose, data) in new[]
            {
                (voteTask, "vote", $$"""{"options":[],"meetingId":"{{meeting}}","voteId":"{{vote}}"}"""),
                (rsvpTask, "rsvp", $$"""{"meetingId":"{{meeting}}"}"""),
                // A progress report mentions its meeting but is not the meeting's task: closing the meeting leaves it open.
                (progressTask, "progress", $$"""{"meetingId":"{{meeting}}"}"""),
            })
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO tasks (id, community_id, person_id, purpose, title, data, created_at, link_version) " +
                    "VALUES (@id, @community, @person, @purpose, '表决', @data, 0, 1)";
                foreach (var (key, value) in new (string, object)[] { ("@id", id(task)), ("@community", id(Guid.NewGuid())), ("@person", id(Guid.NewGuid())), ("@purpose", purpose), ("@data", data) })
                {
                    var p = insert.CreateParameter();
                    (p.ParameterName, p.Value) = (key, value);
                    insert.Parameters.Add(p);
                }
                await insert.ExecuteNonQueryAsync();
            }
        }

        await database.MigrateAsync(CancellationToken.None);

        await using var db = database.CreateContext();
        var tasks = await db.Tasks.ToDictionaryAsync(t => t.Id);
        Assert.Equal((meeting, vote), (tasks[voteTask].MeetingId, tasks[voteTask].VoteId));
        Assert.Equal((meeting, (Guid?)null), (tasks[rsvpTask].MeetingId, tasks[rsvpTask].VoteId));
        Assert.Equal(((Guid?)null, (Guid?)null), (tasks[progressTask].MeetingId, tasks[progressTask].VoteId));
    }
}
