using System.Data.Common;
using Deliberation.Persistence;
using Deliberation.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// A data folder for the real host process with a database the benchmark prepares (SQLite in the folder, or a
/// PostgreSQL database when a connection string is given): migrated, a published
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

    private readonly string? _postgres;
    private int _version;

    private HostDatabase(string dataPath, string? postgres)
    {
        DataPath = dataPath;
        _postgres = postgres;
    }

    /// <summary>The host's data folder.</summary>
    public string DataPath { get; }

    public string DatabasePath => Path.Combine(DataPath, "deliberation.db");

    /// <summary>The settings the host gets: an administrator to sign in as, and the database.</summary>
    private IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Deliberation:Auth:AdminEmail", AdminEmail),
        new("Deliberation:Auth:AdminPassword", AdminPassword),
        .. _postgres is null ? Array.Empty<KeyValuePair<string, string>>() :
        [
            new("Deliberation:Database:Provider", "PostgreSql"),
            new("Deliberation:Database:ConnectionString", _postgres),
        ],
    ];

    /// <summary>
    /// Creates the database with <paramref name="openInstances"/> instances waiting on far timers (0 for the baseline):
    /// SQLite in <paramref name="dataPath"/>, or the (existing, empty) PostgreSQL database <paramref name="postgres"/> names.
    /// </summary>
    public static async Task<HostDatabase> CreateAsync(string dataPath, int openInstances, string? postgres, CancellationToken ct)
    {
        Directory.CreateDirectory(dataPath);
        var database = new HostDatabase(dataPath, postgres);
        using var engine = await database.OpenEngineAsync(ct);
        database._version = await engine.PublishAsync(WorkflowJson, ct);
        if (openInstances > 0)
        {
            var template = await engine.StartSuspendedAsync(DefinitionId, database._version, "case-0000000", ct);
            if (postgres is null) InstanceCopies.Sqlite(database.DatabasePath, template, openInstances - 1);
            else await InstanceCopies.PostgresAsync(postgres, template, openInstances - 1, ct);
        }
        ClearPools();
        return database;
    }

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Provider => _postgres is null ? "SQLite" : "PostgreSQL";

    /// <summary>Starts one more instance and makes its timer due a second ago: the pump fires it soon after the host starts.</summary>
    public async Task<Guid> AddDueInstanceAsync(CancellationToken ct)
    {
        Guid id;
        using (var engine = await OpenEngineAsync(ct))
            id = await engine.StartSuspendedAsync(DefinitionId, _version, "probe-" + Guid.NewGuid().ToString("N")[..8], ct);
        await using (var c = await OpenAsync(readOnly: false, ct))
        await using (var due = Command(c, "UPDATE timers SET due_at = @due WHERE instance_id = @id", id))
        {
            Add(due, "@due", DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());
            if (await due.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException("The probe instance has no timer.");
        }
        ClearPools();
        return id;
    }

    /// <summary>Open instances and pending timers, as the database holds them now.</summary>
    public async Task<(long Open, long Timers)> CountAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync(readOnly: true, ct);
        await using var open = Command(c, "SELECT COUNT(*) FROM instances WHERE status = 'Suspended'", null);
        await using var timers = Command(c, "SELECT COUNT(*) FROM timers", null);
        return (Convert.ToInt64(await open.ExecuteScalarAsync(ct)), Convert.ToInt64(await timers.ExecuteScalarAsync(ct)));
    }

    /// <summary>Polls the database (on SQLite a reader beside the host's writer, WAL) until the instance has finished.</summary>
    public async Task WaitFinishedAsync(Guid id, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            await using (var c = await OpenAsync(readOnly: true, ct))
            await using (var status = Command(c, "SELECT status FROM instances WHERE id = @id", id))
            {
                if (await status.ExecuteScalarAsync(ct) is "Finished") return;
            }
            await Task.Delay(20, ct);
        }
        throw new TimeoutException($"Instance {id} did not finish within {limit}: the timer pump did not fire its due timer.");
    }

    /// <summary>Starts the real host on this folder.</summary>
    public Task<HostProcess> StartHostAsync() => HostProcess.StartAsync(DataPath, Settings, TimeSpan.FromMilliseconds(20));

    private Task<BenchEngine> OpenEngineAsync(CancellationToken ct) =>
        BenchEngine.OpenAsync(_postgres is null
            ? new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={DatabasePath}" }
            : new DatabaseOptions { Provider = "PostgreSql", ConnectionString = _postgres }, DataPath, ct);

    /// <summary>A plain connection outside any pool, so that nothing of the benchmark's stays open beside the host.</summary>
    private async Task<DbConnection> OpenAsync(bool readOnly, CancellationToken ct)
    {
        DbConnection c = _postgres is null
            ? new SqliteConnection($"Data Source={DatabasePath};Pooling=False{(readOnly ? ";Mode=ReadOnly" : "")}")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgres) { Pooling = false }.ConnectionString);
        await c.OpenAsync(ct);
        return c;
    }

    /// <summary>A command; <paramref name="id"/>, when given, is the instance id parameter <c>@id</c> as the provider stores ids.</summary>
    private DbCommand Command(DbConnection c, string sql, Guid? id)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        if (id is { } value) Add(command, "@id", _postgres is null ? value.ToByteArray() : value);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
