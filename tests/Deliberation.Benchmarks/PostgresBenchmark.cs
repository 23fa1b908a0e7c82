// PostgreSQL resume benchmark: engine resumes per second against raw Npgsql transactions on one private cluster.
// Usage: dotnet run -c Release --project tests/Deliberation.Benchmarks -- postgres [--quick | --instances N | --resumes N | --rounds N | --warmup N | --clients N | --keep]
using Deliberation.Engine.Runtime;
using Deliberation.Persistence;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// On a private PostgreSQL cluster (server defaults: fsync and synchronous_commit on), alternates rounds of raw
/// transactions (update one 500-byte row, insert one journal row, commit) and engine resumes (<c>SignalAsync</c> on a
/// suspended instance of Start → WaitForSignal, with at least <c>instances</c> suspended), both with the same number
/// of concurrent clients, and reports the medians and their ratio.
/// </summary>
internal sealed class PostgresBenchmark(PostgresBenchmark.Options options, PrivatePostgres cluster, string folder)
{
    private const string DefinitionId = "bench-resume-pg";
    private const double RatioTarget = 0.5;
    private const int StartedInstances = 1_000;

    private const string WorkflowJson =
        """
        {
          "id": "bench-resume-pg",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } }
          ],
          "connections": [ { "source": "start", "sourcePort": "Done", "target": "wait" } ]
        }
        """;

    /// <summary>Command-line options.</summary>
    internal sealed record Options(int Instances, int Resumes, int Rounds, int Warmup, int Clients, bool Keep)
    {
        public static Options Parse(string[] args)
        {
            var o = args.Contains("--quick") ? new Options(2_000, 400, 3, 200, 8, false) : new Options(100_000, 4_000, 5, 1_000, 8, false);
            for (var i = 0; i < args.Length; i++)
            {
                o = args[i] switch
                {
                    "--quick" => o,
                    "--keep" => o with { Keep = true },
                    "--instances" => o with { Instances = Figures.Int(args, ref i) },
                    "--resumes" => o with { Resumes = Figures.Int(args, ref i) },
                    "--rounds" => o with { Rounds = Figures.Int(args, ref i) },
                    "--warmup" => o with { Warmup = Figures.Int(args, ref i) },
                    "--clients" => o with { Clients = Figures.Int(args, ref i) },
                    _ => throw new ArgumentException($"Unknown option {args[i]}."),
                };
            }
            return o;
        }
    }

    public static async Task<int> MainAsync(string[] args)
    {
        var options = Options.Parse(args);
        var folder = Figures.NewFolder("postgres");
        try
        {
            await using var cluster = await PrivatePostgres.StartAsync(folder, options.Keep);
            await new PostgresBenchmark(options, cluster, folder).RunAsync();
        }
        finally
        {
            if (options.Keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private async Task RunAsync()
    {
        var ct = CancellationToken.None;
        var consumed = options.Warmup + options.Rounds * options.Resumes;
        var seeded = options.Instances + consumed;
        Console.WriteLine("Deliberation PostgreSQL resume benchmark");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {Figures.LoadAverage()}");
        Console.WriteLine($"  cluster: {await cluster.DescribeAsync()}, loopback TCP port {cluster.Port}");
        Console.WriteLine($"  {options.Rounds} rounds x {options.Resumes} operations per side (alternating raw, engine), {options.Warmup} warm-up operations per side, " +
            $"{options.Clients} concurrent clients on each side");
        await cluster.CreateDatabaseAsync("engine");
        await cluster.CreateDatabaseAsync("raw");

        var engineConnection = cluster.ConnectionString("engine");
        using var engine = await BenchEngine.OpenAsync(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = engineConnection }, folder, ct);
        var version = await engine.PublishAsync(WorkflowJson, ct);
        var seedWatch = System.Diagnostics.Stopwatch.StartNew();
        var started = new Guid[Math.Min(StartedInstances, seeded)];
        var start = await Figures.ConcurrentAsync(started.Length, options.Clients, async (_, i) =>
            started[i] = await engine.StartSuspendedAsync(DefinitionId, version, $"case-{i:D7}", ct));
        var ids = started.ToList();
        ids.AddRange(await InstanceCopies.PostgresAsync(engineConnection, started[0], seeded - started.Length, ct));
        Console.WriteLine($"  engine: {started.Length} instances started with StartAsync ({start.PerSecond:F0}/s, {options.Clients} clients) and " +
            $"{seeded - started.Length} bulk copies of one of them, {seedWatch.Elapsed.TotalSeconds:F1} s; at least {options.Instances} stay suspended throughout");
        Figures.Shuffle(ids, new Random(42));

        await using var raw = await RawPostgres.CreateAsync(cluster.ConnectionString("raw"), seeded, options.Clients, ct);
        Console.WriteLine($"  raw: {seeded} rows of {RawPostgres.PayloadBytes} bytes, {options.Clients} connections with prepared commands");
        var rowIds = Enumerable.Range(1, seeded).ToList();
        Figures.Shuffle(rowIds, new Random(43));

        var nextInstance = 0;
        var nextRow = 0;
        async Task<(double PerSecond, long[] Ticks)> EngineRound(int count)
        {
            var from = nextInstance;
            nextInstance += count;
            return await Figures.ConcurrentAsync(count, options.Clients, async (_, i) =>
            {
                var id = ids[from + i];
                var report = await engine.Runtime.SignalAsync(id, "go", null, null, ct);
                if (report.Status != InstanceStatus.Finished) throw new InvalidOperationException($"Instance {id} is {report.Status} after its resume.");
            });
        }
        async Task<(double PerSecond, long[] Ticks)> RawRound(int count)
        {
            var from = nextRow;
            nextRow += count;
            return await Figures.ConcurrentAsync(count, options.Clients, (client, i) => raw.TransactionAsync(client, rowIds[from + i], ct));
        }

        Console.WriteLine();
        await RawRound(options.Warmup);
        await EngineRound(options.Warmup);
        Console.WriteLine($"warm-up: {options.Warmup} raw transactions and {options.Warmup} engine resumes");
        var rawRates = new List<double>();
        var engineRates = new List<double>();
        var rawTicks = new List<long>();
        var engineTicks = new List<long>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            Figures.Settle();
            var r = await RawRound(options.Resumes);
            Figures.Settle();
            var e = await EngineRound(options.Resumes);
            rawRates.Add(r.PerSecond);
            engineRates.Add(e.PerSecond);
            rawTicks.AddRange(r.Ticks);
            engineTicks.AddRange(e.Ticks);
            Console.WriteLine($"round {round}: raw {r.PerSecond,6:F0} tx/s, engine {e.PerSecond,6:F0} resumes/s, engine/raw {e.PerSecond / r.PerSecond:F2} (load average {Figures.LoadAverage()})");
        }

        var rawMedian = Figures.Median(rawRates);
        var engineMedian = Figures.Median(engineRates);
        var ratio = engineMedian / rawMedian;
        var paired = Figures.Median(engineRates.Zip(rawRates, (e, r) => e / r).ToList());
        Console.WriteLine();
        Console.WriteLine($"postgres raw: {rawMedian:F0} tx/s (median of {options.Rounds} rounds, {options.Clients} clients; update one {RawPostgres.PayloadBytes}-byte row + insert one journal row per transaction; " +
            $"latency p50 {Figures.Ms(Figures.Percentile(rawTicks, 50)):F2} ms, p99 {Figures.Ms(Figures.Percentile(rawTicks, 99)):F2} ms)");
        Console.WriteLine($"postgres engine: {engineMedian:F0} resumes/s (median of {options.Rounds} rounds, {options.Clients} clients; SignalAsync on a suspended instance, {options.Instances}+ suspended; " +
            $"latency p50 {Figures.Ms(Figures.Percentile(engineTicks, 50)):F2} ms, p99 {Figures.Ms(Figures.Percentile(engineTicks, 99)):F2} ms)");
        Console.WriteLine($"postgres ratio engine/raw: {ratio:F2} (of the medians; median of the per-round ratios {paired:F2}) (target >= {RatioTarget}) {Figures.Verdict(ratio >= RatioTarget)}");
    }
}

/// <summary>
/// The baseline on PostgreSQL, written as well as plainly as we can: one open connection per client, prepared
/// commands, one transaction per operation that updates one 500-byte row and appends one journal row.
/// </summary>
internal sealed class RawPostgres : IAsyncDisposable
{
    public const int PayloadBytes = 500;
    private readonly List<Client> _clients = [];
    private readonly string[] _payloads = Enumerable.Range(0, 16).Select(i => new string((char)('a' + i), PayloadBytes)).ToArray();

    private sealed record Client(NpgsqlConnection Connection, NpgsqlCommand Update, NpgsqlCommand Insert)
    {
        public int Next { get; set; }
    }

    public static async Task<RawPostgres> CreateAsync(string connectionString, int rows, int clients, CancellationToken ct)
    {
        var raw = new RawPostgres();
        await using (var c = new NpgsqlConnection(connectionString))
        {
            await c.OpenAsync(ct);
            await using var ddl = new NpgsqlCommand(
                "CREATE TABLE rows (id bigint PRIMARY KEY, version bigint NOT NULL, payload text NOT NULL);" +
                "CREATE TABLE journal (id bigserial PRIMARY KEY, row_id bigint NOT NULL, at bigint NOT NULL, kind text NOT NULL);" +
                $"INSERT INTO rows SELECT n, 0, repeat(chr(97 + (n % 16)::int), {PayloadBytes}) FROM generate_series(1, {rows}) AS n;" +
                "ANALYZE rows;", c);
            await ddl.ExecuteNonQueryAsync(ct);
        }
        for (var i = 0; i < clients; i++)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            var update = new NpgsqlCommand("UPDATE rows SET version = version + 1, payload = @payload WHERE id = @id", connection);
            update.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Text));
            update.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint));
            await update.PrepareAsync(ct);
            var insert = new NpgsqlCommand("INSERT INTO journal (row_id, at, kind) VALUES (@id, @at, 'updated')", connection);
            insert.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint));
            insert.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Bigint));
            await insert.PrepareAsync(ct);
            raw._clients.Add(new Client(connection, update, insert));
        }
        return raw;
    }

    /// <summary>One durable unit of work on the client's connection: update the row, append a journal row, commit.</summary>
    public async Task TransactionAsync(int client, int rowId, CancellationToken ct)
    {
        var c = _clients[client];
        await using var tx = await c.Connection.BeginTransactionAsync(ct);
        c.Update.Parameters[0].Value = _payloads[c.Next++ % _payloads.Length];
        c.Update.Parameters[1].Value = (long)rowId;
        if (await c.Update.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException($"Row {rowId} is missing.");
        c.Insert.Parameters[0].Value = (long)rowId;
        c.Insert.Parameters[1].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await c.Insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
        {
            await c.Update.DisposeAsync();
            await c.Insert.DisposeAsync();
            await c.Connection.DisposeAsync();
        }
    }
}
