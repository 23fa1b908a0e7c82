using Deliberation.Persistence;
using Deliberation.Testing;
using Microsoft.Data.Sqlite;

/// <summary>
/// A data folder for the real host process with a SQLite database the benchmark prepares: migrated, a published
/// workflow (Start → Delay 3650 days → End), and as many open instances as asked, each waiting on its timer far in
/// the future (one started through the engine, the rest bulk copies of it).
/// </summary>
internal sealed class HostDatabase
{
    public const string AdminEmail = "bench-admin@bench.local";
    public const string AdminPassword = "bench-correct-horse-battery";
    private const string DefinitionId = "bench-pending";

    private const string WorkflowJson =
        """
        {
          "id": "bench-pending",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "later", "type": "Delay", "inputs": { "duration": { "type": "literal", "value": "3650d" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "sourcePort": "Done", "target": "later" },
            { "source": "later", "sourcePort": "Done", "target": "end" }
          ]
        }
        """;

    private int _version;

    private HostDatabase(string dataPath) => DataPath = dataPath;

    /// <summary>The host's data folder.</summary>
    public string DataPath { get; }

    public string DatabasePath => Path.Combine(DataPath, "deliberation.db");

    /// <summary>The settings every benchmark host gets: an administrator to sign in as.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Deliberation:Auth:AdminEmail", AdminEmail),
        new("Deliberation:Auth:AdminPassword", AdminPassword),
    ];

    /// <summary>Creates the database with <paramref name="openInstances"/> instances waiting on far timers (0 for the baseline).</summary>
    public static async Task<HostDatabase> CreateAsync(string dataPath, int openInstances, CancellationToken ct)
    {
        Directory.CreateDirectory(dataPath);
        var database = new HostDatabase(dataPath);
        using var engine = await database.OpenEngineAsync(ct);
        database._version = await engine.PublishAsync(WorkflowJson, ct);
        if (openInstances > 0)
        {
            var template = await engine.StartSuspendedAsync(DefinitionId, database._version, "case-0000000", ct);
            InstanceCopies.Sqlite(database.DatabasePath, template, openInstances - 1);
        }
        SqliteConnection.ClearAllPools();
        return database;
    }

    /// <summary>Starts one more instance and makes its timer due a second ago: the pump fires it soon after the host starts.</summary>
    public async Task<Guid> AddDueInstanceAsync(CancellationToken ct)
    {
        Guid id;
        using (var engine = await OpenEngineAsync(ct))
            id = await engine.StartSuspendedAsync(DefinitionId, _version, "probe-" + Guid.NewGuid().ToString("N")[..8], ct);
        using (var c = ResumeBenchmark.Open(DatabasePath))
        using (var due = ResumeBenchmark.Command(c, "UPDATE timers SET due_at = $due WHERE instance_id = $id"))
        {
            due.Parameters.AddWithValue("$due", DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());
            due.Parameters.AddWithValue("$id", id.ToByteArray());
            if (due.ExecuteNonQuery() != 1) throw new InvalidOperationException("The probe instance has no timer.");
        }
        SqliteConnection.ClearAllPools();
        return id;
    }

    /// <summary>Open instances and pending timers, as the database holds them now.</summary>
    public (long Open, long Timers) Count()
    {
        using var c = ResumeBenchmark.Open(DatabasePath);
        using var open = ResumeBenchmark.Command(c, "SELECT COUNT(*) FROM instances WHERE status = 'Suspended'");
        using var timers = ResumeBenchmark.Command(c, "SELECT COUNT(*) FROM timers");
        return ((long)open.ExecuteScalar()!, (long)timers.ExecuteScalar()!);
    }

    /// <summary>Polls the database (a reader beside the host's writer, WAL) until the instance has finished.</summary>
    public async Task WaitFinishedAsync(Guid id, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            await using (var c = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False"))
            {
                await c.OpenAsync(ct);
                await using var status = c.CreateCommand();
                status.CommandText = "SELECT status FROM instances WHERE id = $id";
                status.Parameters.AddWithValue("$id", id.ToByteArray());
                if (await status.ExecuteScalarAsync(ct) is "Finished") return;
            }
            await Task.Delay(20, ct);
        }
        throw new TimeoutException($"Instance {id} did not finish within {limit}: the timer pump did not fire its due timer.");
    }

    /// <summary>Starts the real host on this folder.</summary>
    public Task<HostProcess> StartHostAsync() => HostProcess.StartAsync(DataPath, Settings, TimeSpan.FromMilliseconds(20));

    private Task<BenchEngine> OpenEngineAsync(CancellationToken ct) =>
        BenchEngine.OpenAsync(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={DatabasePath}" }, DataPath, ct);
}
