// Resume benchmark: engine resumes per second against raw SQLite transactions, on one machine, in one run.
// Usage: dotnet run -c Release --project tests/Deliberation.Benchmarks [-- resume] [--quick | --instances N | --resumes N | --rounds N | --warmup N | --seed auto|engine|bulk | --keep]
using System.Diagnostics;
using System.Globalization;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Validation;
using Deliberation.Integrations.Scripting;
using Deliberation.Persistence;
using Deliberation.Persistence.Sql;
using Microsoft.Data.Sqlite;

/// <summary>Command-line options of the resume benchmark.</summary>
internal sealed record BenchOptions(int Instances, int Resumes, int Rounds, int Warmup, string Seed, bool Keep)
{
    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var o = quick ? new BenchOptions(2_000, 500, 3, 200, "auto", false) : new BenchOptions(100_000, 5_000, 7, 2_000, "auto", false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--quick" => o,
                "--keep" => o with { Keep = true },
                "--instances" => o with { Instances = NextInt() },
                "--resumes" => o with { Resumes = NextInt() },
                "--rounds" => o with { Rounds = NextInt() },
                "--warmup" => o with { Warmup = NextInt() },
                "--seed" => o with { Seed = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (o.Seed is not ("auto" or "engine" or "bulk")) throw new ArgumentException("--seed takes auto, engine or bulk.");
        return o;
    }
}

/// <summary>
/// Sets up an engine database holding <c>instances</c> suspended instances (plus those the run consumes,
/// so that never fewer than <c>instances</c> are suspended while measuring) and a raw database of
/// 500-byte rows, then alternates raw and engine rounds and reports medians, their ratio and resume latency.
/// </summary>
internal sealed class ResumeBenchmark(BenchOptions options, string folder)
{
    /// <summary>Runs the benchmark in a fresh temp folder, deleted afterwards unless <c>--keep</c>.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var folder = Path.Combine(Path.GetTempPath(), "deliberation-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await new ResumeBenchmark(options, folder).RunAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private const string DefinitionId = "bench-resume";
    private const int PayloadBytes = 500;
    private const double RatioTarget = 0.5, P99TargetMs = 10;

    private const string WorkflowJson =
        """
        {
          "id": "bench-resume",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } }
          ],
          "connections": [ { "source": "start", "sourcePort": "Done", "target": "wait" } ]
        }
        """;

    /// <summary>Operations per side for counting WAL pages: few enough that no automatic checkpoint (at 1000 pages) runs meanwhile.</summary>
    private const int WalProbeOperations = 40;

    private static readonly TimeSpan EngineSeedBudget = TimeSpan.FromSeconds(60);

    public async Task RunAsync()
    {
        var ct = CancellationToken.None;
        var consumed = options.Warmup + options.Rounds * options.Resumes + WalProbeOperations;
        var seeded = options.Instances + consumed;
        Console.WriteLine("Deliberation resume benchmark");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite {SqliteVersion()}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        Console.WriteLine($"  {options.Rounds} rounds x {options.Resumes} operations per side (alternating raw, engine), {options.Warmup} warm-up operations per side");
        Console.WriteLine($"  engine: {seeded} suspended instances seeded, so at least {options.Instances} stay suspended throughout the measurement");

        // Engine side: the real runtime over the SQL store and the EF definition store.
        var enginePath = Path.Combine(folder, "engine.db");
        using var database = new DeliberationDatabase(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={enginePath}" });
        await database.MigrateAsync(ct);
        var scripts = new ScribanScriptEvaluator();
        var registry = new ActivityRegistry(BuiltInActivities.Create(scripts, new FileTemplateRenderer(folder)));
        var definitions = new DefinitionService(new EfDefinitionStore(database), new DefinitionValidator(registry, scripts), registry, TimeProvider.System);
        var store = new TimedStore(new SqlWorkflowStore(database.Pool));
        var runtime = new WorkflowRuntime(store, definitions, new ExpressionEvaluator(scripts), TimeProvider.System);
        var draft = await definitions.SaveDraftAsync(WorkflowJson, null, ct);
        var published = await definitions.PublishAsync(draft.DefinitionId, draft.Version, null, ct);
        await using (var c = await database.Pool.RentAsync(ct))
            Console.WriteLine($"  engine db: {Pragmas(c.Connection)}");

        // Raw side: an identical file with the same pragmas, prepared commands, one connection.
        using var raw = new RawBaseline(Path.Combine(folder, "raw.db"), seeded);
        Console.WriteLine($"  raw db:    {Pragmas(raw.Connection)}, {seeded} rows of {PayloadBytes} bytes");

        var instanceIds = await SeedAsync(runtime, published.Version, enginePath, seeded, ct);
        Shuffle(instanceIds, new Random(42));
        var rowIds = Enumerable.Range(1, seeded).ToList();
        Shuffle(rowIds, new Random(43));
        using (var check = Open(enginePath))
        {
            Console.WriteLine($"  engine db now: {Scalar(check, "SELECT COUNT(*) FROM instances WHERE status = 'Suspended'")} suspended instances, " +
                $"{Scalar(check, "SELECT COUNT(*) FROM journal")} journal rows, " +
                $"state {Scalar(check, "SELECT CAST(AVG(LENGTH(state)) AS INTEGER) FROM instances")} bytes on average");
        }

        // Both sides take distinct ids in a shuffled order: every operation touches a row nothing touched before.
        var nextInstance = 0;
        var nextRow = 0;
        async Task<(double PerSecond, long[] Ticks)> EngineRound(int count)
        {
            var ticks = new long[count];
            var total = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var id = instanceIds[nextInstance++];
                var start = Stopwatch.GetTimestamp();
                var report = await runtime.SignalAsync(id, "go", null, null, ct);
                ticks[i] = Stopwatch.GetTimestamp() - start;
                if (report.Status != InstanceStatus.Finished) throw new InvalidOperationException($"Instance {id} is {report.Status} after its resume.");
            }
            return (count / total.Elapsed.TotalSeconds, ticks);
        }
        (double PerSecond, long[] Ticks) RawRound(int count)
        {
            var ticks = new long[count];
            var total = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                raw.Transaction(rowIds[nextRow++]);
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }
            return (count / total.Elapsed.TotalSeconds, ticks);
        }

        Console.WriteLine();
        Settle();
        RawRound(options.Warmup);
        await EngineRound(options.Warmup);
        Console.WriteLine($"warm-up: {options.Warmup} raw transactions and {options.Warmup} engine resumes");

        var rawRates = new List<double>();
        var engineRates = new List<double>();
        var rawTicks = new List<long>();
        var engineTicks = new List<long>();
        store.Reset();
        for (var round = 1; round <= options.Rounds; round++)
        {
            Settle();
            var r = RawRound(options.Resumes);
            Settle();
            var e = await EngineRound(options.Resumes);
            rawRates.Add(r.PerSecond);
            engineRates.Add(e.PerSecond);
            rawTicks.AddRange(r.Ticks);
            engineTicks.AddRange(e.Ticks);
            Console.WriteLine($"round {round}: raw {r.PerSecond,6:F0} tx/s, engine {e.PerSecond,6:F0} resumes/s, engine/raw {e.PerSecond / r.PerSecond:F2}; " +
                $"engine resume median {Ms(Percentile(e.Ticks, 50)):F3} ms, slowest 1% from {Ms(Percentile(e.Ticks, 99)):F3} ms");
        }

        // Pages each operation appends to the WAL (and the checkpoint later copies into the database file).
        var rawFrames = WalFramesPerOperation(Path.Combine(folder, "raw.db"), () =>
        {
            raw.Transaction(rowIds[nextRow++]);
            return Task.CompletedTask;
        });
        var engineFrames = WalFramesPerOperation(enginePath, () => runtime.SignalAsync(instanceIds[nextInstance++], "go", null, null, ct));

        var rawMedian = Median(rawRates);
        var engineMedian = Median(engineRates);
        var ratio = engineMedian / rawMedian;
        var p50 = Ms(Percentile(engineTicks, 50));
        var p99 = Ms(Percentile(engineTicks, 99));
        var measured = engineTicks.Count;
        Console.WriteLine();
        Console.WriteLine($"raw: {rawMedian:F0} tx/s (median of {options.Rounds} rounds; one transaction updates one {PayloadBytes}-byte row and inserts one journal row; " +
            $"median {Ms(Percentile(rawTicks, 50)):F3} ms)");
        Console.WriteLine($"engine: {engineMedian:F0} resumes/s (median of {options.Rounds} rounds; one resume runs WaitForSignal and commits its step)");
        Console.WriteLine($"engine time per resume: load {store.LoadMs / measured:F3} ms, commit {store.CommitMs / measured:F3} ms, " +
            $"run + serialize + report {(Ms(engineTicks.Sum()) - store.LoadMs - store.CommitMs) / measured:F3} ms");
        Console.WriteLine($"WAL pages written per operation: raw {Frames(rawFrames)}, engine {Frames(engineFrames)}");
        var pairedRatio = Median(engineRates.Zip(rawRates, (e, r) => e / r).ToList());
        Console.WriteLine($"ratio engine/raw: {ratio:F2} (of the medians; median of the per-round ratios {pairedRatio:F2}) (target >= {RatioTarget}) {(ratio >= RatioTarget ? "PASS" : "MISS")}");
        Console.WriteLine($"resume latency with {options.Instances}+ suspended instances: p50 {p50:F3} ms, p99 {p99:F3} ms, max {Ms(engineTicks.Max()):F3} ms " +
            $"over {measured} resumes (target p99 < {P99TargetMs} ms) {(p99 < P99TargetMs ? "PASS" : "MISS")}");
    }

    /// <summary>
    /// Empties the WAL, runs a few operations (fewer than would trigger an automatic checkpoint) and
    /// reads how many frames they appended; null when the WAL could not be emptied.
    /// </summary>
    private static double? WalFramesPerOperation(string path, Func<Task> operation)
    {
        using var c = Open(path);
        if (Checkpoint(c, "TRUNCATE").Busy) return null;
        for (var i = 0; i < WalProbeOperations; i++) operation().GetAwaiter().GetResult();
        var (busy, log) = Checkpoint(c, "PASSIVE");
        return busy ? null : (double)log / WalProbeOperations;
    }

    private static (bool Busy, long Log) Checkpoint(SqliteConnection c, string mode)
    {
        using var command = Command(c, $"PRAGMA wal_checkpoint({mode})");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) != 0, reader.GetInt64(1));
    }

    private static string Frames(double? frames) => frames is { } f ? f.ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Starts instances through the engine; when that would take too long, copies a real started instance's rows in bulk.</summary>
    private async Task<List<Guid>> SeedAsync(WorkflowRuntime runtime, int version, string enginePath, int count, CancellationToken ct)
    {
        var ids = new List<Guid>(count);
        var watch = Stopwatch.StartNew();
        // In auto mode the rate of starts 1,000–5,000 (after JIT warm-up) decides whether StartAsync can seed everything in time.
        const int probeFrom = 1_000, probeTo = 5_000;
        var probeStart = TimeSpan.Zero;
        var engineCount = options.Seed == "bulk" ? 1 : count;
        for (var i = 0; i < engineCount; i++)
        {
            var report = await runtime.StartAsync(new StartRequest(DefinitionId, version, null, $"case-{i:D7}", null), ct);
            if (report.Status != InstanceStatus.Suspended) throw new InvalidOperationException($"A new instance is {report.Status}, not Suspended.");
            ids.Add(report.InstanceId);
            if (options.Seed == "auto" && i + 1 == probeFrom) probeStart = watch.Elapsed;
            if (options.Seed == "auto" && i + 1 == probeTo && count > probeTo)
            {
                var projected = watch.Elapsed + (watch.Elapsed - probeStart) / (probeTo - probeFrom) * (count - probeTo);
                if (projected > EngineSeedBudget)
                {
                    Console.WriteLine($"  seeding: {count} StartAsync would take ~{projected.TotalSeconds:F0} s, so the rest are bulk copies");
                    engineCount = probeTo;
                }
            }
            if ((i + 1) % 20_000 == 0) Console.WriteLine($"  seeding: {i + 1} started ({(i + 1) / watch.Elapsed.TotalSeconds:F0}/s)");
        }
        var startRate = ids.Count / watch.Elapsed.TotalSeconds;
        if (ids.Count < count)
        {
            var bulk = Stopwatch.StartNew();
            ids.AddRange(InstanceCopies.Sqlite(enginePath, ids[0], count - ids.Count));
            Console.WriteLine($"  seeded {engineCount} instances with StartAsync ({startRate:F0}/s) and {count - engineCount} bulk copies of one of them in {bulk.Elapsed.TotalSeconds:F1} s");
        }
        else
        {
            Console.WriteLine($"  seeded {count} instances with StartAsync in {watch.Elapsed.TotalSeconds:F1} s ({startRate:F0} starts/s)");
        }
        return ids;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static long Percentile(IEnumerable<long> ticks, double percent)
    {
        var sorted = ticks.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    internal static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path}");
        c.Open();
        // Exactly the pragmas of the engine's pooled connections, so that both sides run the same SQLite settings.
        using var pragma = Command(c, SqliteDialect.ConnectionPragmas);
        pragma.ExecuteNonQuery();
        return c;
    }

    internal static SqliteCommand Command(SqliteConnection c, string sql)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static string Pragmas(System.Data.Common.DbConnection c)
    {
        using var command = c.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = command.ExecuteScalar();
        command.CommandText = "PRAGMA synchronous";
        var sync = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA cache_size";
        var cache = command.ExecuteScalar();
        command.CommandText = "PRAGMA page_size";
        var page = command.ExecuteScalar();
        command.CommandText = "PRAGMA mmap_size";
        var mmap = command.ExecuteScalar();
        return $"journal_mode={mode}, synchronous={(sync == 1 ? "NORMAL" : sync.ToString(CultureInfo.InvariantCulture))}, cache_size={cache}, page_size={page}, mmap_size={mmap}";
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var command = Command(c, sql);
        return command.ExecuteScalar();
    }

    private static string SqliteVersion()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        return c.ServerVersion;
    }
}

/// <summary>
/// The baseline: what SQLite itself does for the same durable unit of work, written as well as we
/// can — one open connection, prepared statements, integer keys, one transaction per operation that
/// updates one 500-byte row and appends one journal row.
/// </summary>
internal sealed class RawBaseline : IDisposable
{
    private readonly SqliteCommand _update, _insert;
    private readonly string[] _payloads;
    private int _next;

    public RawBaseline(string path, int rows)
    {
        Connection = ResumeBenchmark.Open(path);
        using (var ddl = ResumeBenchmark.Command(Connection,
                   "CREATE TABLE rows (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, payload TEXT NOT NULL);" +
                   "CREATE TABLE journal (id INTEGER PRIMARY KEY, row_id INTEGER NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL);"))
            ddl.ExecuteNonQuery();
        // Distinct payloads so that every update really changes the row.
        _payloads = Enumerable.Range(0, 16).Select(i => new string((char)('a' + i), 500)).ToArray();
        using (var tx = Connection.BeginTransaction())
        using (var insert = ResumeBenchmark.Command(Connection, "INSERT INTO rows (id, version, payload) VALUES ($id, 0, $payload)"))
        {
            insert.Transaction = tx;
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var payload = insert.Parameters.Add("$payload", SqliteType.Text);
            for (var i = 1; i <= rows; i++)
            {
                id.Value = i;
                payload.Value = _payloads[i % _payloads.Length];
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }

        _update = ResumeBenchmark.Command(Connection, "UPDATE rows SET version = version + 1, payload = $payload WHERE id = $id");
        _update.Parameters.Add("$payload", SqliteType.Text);
        _update.Parameters.Add("$id", SqliteType.Integer);
        _insert = ResumeBenchmark.Command(Connection, "INSERT INTO journal (row_id, at, kind) VALUES ($id, $at, 'updated')");
        _insert.Parameters.Add("$id", SqliteType.Integer);
        _insert.Parameters.Add("$at", SqliteType.Integer);
    }

    public SqliteConnection Connection { get; }

    /// <summary>One durable unit of work: update the row, append a journal row, commit.</summary>
    public void Transaction(int rowId)
    {
        using var tx = Connection.BeginTransaction();
        _update.Transaction = tx;
        _update.Parameters[0].Value = _payloads[_next++ % _payloads.Length];
        _update.Parameters[1].Value = rowId;
        if (_update.ExecuteNonQuery() != 1) throw new InvalidOperationException($"Row {rowId} is missing.");
        _insert.Transaction = tx;
        _insert.Parameters[0].Value = rowId;
        _insert.Parameters[1].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _insert.ExecuteNonQuery();
        tx.Commit();
    }

    public void Dispose()
    {
        _update.Dispose();
        _insert.Dispose();
        Connection.Dispose();
    }
}

/// <summary>The engine's store, timed: how much of a resume is opening the step (its transaction and the instance's read) and how much committing.</summary>
internal sealed class TimedStore(SqlWorkflowStore inner) : IWorkflowStore
{
    private long _load, _commit;

    public double LoadMs => _load * 1000.0 / Stopwatch.Frequency;

    public double CommitMs => _commit * 1000.0 / Stopwatch.Frequency;

    public void Reset() => _load = _commit = 0;

    public Task<WorkflowInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public async Task<IStepScope> BeginStepAsync(Guid? instanceId, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var scope = await inner.BeginStepAsync(instanceId, cancellationToken);
        _load += Stopwatch.GetTimestamp() - start;
        return new TimedScope(this, scope);
    }

    private sealed class TimedScope(TimedStore owner, IStepScope inner) : IStepScope
    {
        public WorkflowInstance? Instance => inner.Instance;

        public ValueTask EnterActivityAsync(CancellationToken cancellationToken) => inner.EnterActivityAsync(cancellationToken);

        public ValueTask UndoActivityAsync(CancellationToken cancellationToken) => inner.UndoActivityAsync(cancellationToken);

        public async Task<bool> CommitAsync(StepCommit commit, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var done = await inner.CommitAsync(commit, cancellationToken);
            owner._commit += Stopwatch.GetTimestamp() - start;
            return done;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    public Task<DateTimeOffset?> FindBookmarkConsumedAtAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken) =>
        inner.FindBookmarkConsumedAtAsync(instanceId, bookmarkId, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken) => inner.FindIdempotencyAsync(key, cancellationToken);

    public Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        inner.ClaimDueTimersAsync(now, max, lease, cancellationToken);

    public Task DeleteTimerAsync(Guid bookmarkId, CancellationToken cancellationToken) => inner.DeleteTimerAsync(bookmarkId, cancellationToken);

    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken) => inner.GetNextTimerDueAsync(cancellationToken);

    public Task<bool> QueueSignalAsync(QueuedSignal signal, CancellationToken cancellationToken) => inner.QueueSignalAsync(signal, cancellationToken);

    public Task<IReadOnlyList<QueuedSignal>> GetQueuedSignalsAsync(Guid instanceId, CancellationToken cancellationToken) =>
        inner.GetQueuedSignalsAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindInstancesWithUncheckedSignalsAsync(int max, CancellationToken cancellationToken) =>
        inner.FindInstancesWithUncheckedSignalsAsync(max, cancellationToken);

    public Task MarkSignalsCheckedAsync(Guid instanceId, IReadOnlyList<Guid> signalIds, long revision, CancellationToken cancellationToken) =>
        inner.MarkSignalsCheckedAsync(instanceId, signalIds, revision, cancellationToken);
}
