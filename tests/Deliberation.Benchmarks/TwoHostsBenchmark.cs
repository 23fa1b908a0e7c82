// Two hosts against one: engine resumes per second with two engine processes on one PostgreSQL database against one.
// Usage: dotnet run -c Release --project tests/Deliberation.Benchmarks -- two-hosts [--quick | --instances N | --resumes N | --rounds N | --warmup N | --clients N | --keep]
using System.Diagnostics;
using System.Globalization;
using Deliberation.Engine.Runtime;
using Deliberation.Persistence;

/// <summary>
/// On a private PostgreSQL cluster, seeds suspended instances (Start → WaitForSignal) and launches this program twice
/// more as engine hosts (<see cref="WorkerCommand"/>): separate processes, each with its own runtime, store and
/// connection pool on the one database, each resuming with <c>clients</c> concurrent clients. Rounds alternate: one host
/// resumes <c>resumes</c> instances alone, then both hosts resume <c>resumes</c> instances together (half each); the
/// report gives the medians and their ratio two/one.
/// </summary>
internal sealed class TwoHostsBenchmark
{
    /// <summary>The first argument that makes this program an engine host taking commands on standard input.</summary>
    public const string WorkerCommand = "two-hosts-worker";

    private const string DefinitionId = "bench-two-hosts";
    private const int StartedInstances = 1_000;

    private const string WorkflowJson =
        """
        {
          "id": "bench-two-hosts",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "go" } } }
          ],
          "connections": [ { "source": "start", "sourcePort": "Done", "target": "wait" } ]
        }
        """;

    public static async Task<int> MainAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        int instances = quick ? 2_000 : 100_000, resumes = quick ? 400 : 4_000, rounds = quick ? 3 : 5, warmup = quick ? 200 : 1_000, clients = 8;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": break;
                case "--keep": keep = true; break;
                case "--instances": instances = Figures.Int(args, ref i); break;
                case "--resumes": resumes = Figures.Int(args, ref i); break;
                case "--rounds": rounds = Figures.Int(args, ref i); break;
                case "--warmup": warmup = Figures.Int(args, ref i); break;
                case "--clients": clients = Figures.Int(args, ref i); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        var folder = Figures.NewFolder("two-hosts");
        try
        {
            await using var cluster = await PrivatePostgres.StartAsync(folder, keep);
            await RunAsync(cluster, folder, instances, resumes, rounds, warmup, clients);
        }
        finally
        {
            if (keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task RunAsync(PrivatePostgres cluster, string folder, int instances, int resumes, int rounds, int warmup, int clients)
    {
        var ct = CancellationToken.None;
        Console.WriteLine("Deliberation two-hosts benchmark (engine hosts as separate processes on one PostgreSQL database)");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {Figures.LoadAverage()}");
        Console.WriteLine($"  cluster: {await cluster.DescribeAsync()}");
        Console.WriteLine($"  {rounds} rounds x {resumes} resumes per side (alternating one host, two hosts), {warmup} warm-up resumes per host, {clients} concurrent clients per host");
        await cluster.CreateDatabaseAsync("engine");
        var connection = cluster.ConnectionString("engine");
        var seeded = instances + 2 * warmup + 2 * rounds * resumes;
        List<Guid> ids;
        using (var engine = await BenchEngine.OpenAsync(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = connection }, folder, ct))
        {
            var version = await engine.PublishAsync(WorkflowJson, ct);
            var started = new Guid[Math.Min(StartedInstances, seeded)];
            await Figures.ConcurrentAsync(started.Length, clients, async (_, i) =>
                started[i] = await engine.StartSuspendedAsync(DefinitionId, version, $"case-{i:D7}", ct));
            ids = [.. started, .. await InstanceCopies.PostgresAsync(connection, started[0], seeded - started.Length, ct)];
        }
        Figures.Shuffle(ids, new Random(42));
        var idsFile = Path.Combine(folder, "ids.txt");
        await File.WriteAllLinesAsync(idsFile, ids.Select(id => id.ToString("D")), ct);
        Console.WriteLine($"  seeded {seeded} suspended instances; at least {instances} stay suspended throughout");

        await using var one = await Worker.StartAsync(connection, idsFile, clients, folder);
        await using var two = await Worker.StartAsync(connection, idsFile, clients, folder);
        Console.WriteLine($"  hosts: processes {one.ProcessId} and {two.ProcessId}");
        var next = 0;
        await one.RunAsync(next, warmup);
        next += warmup;
        await two.RunAsync(next, warmup);
        next += warmup;
        Console.WriteLine();
        Console.WriteLine($"warm-up: {warmup} resumes on each host");

        var oneRates = new List<double>();
        var twoRates = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            await one.RunAsync(next, resumes);
            var single = resumes / watch.Elapsed.TotalSeconds;
            next += resumes;
            var half = resumes / 2;
            watch.Restart();
            await Task.WhenAll(one.RunAsync(next, half), two.RunAsync(next + half, resumes - half));
            var both = resumes / watch.Elapsed.TotalSeconds;
            next += resumes;
            oneRates.Add(single);
            twoRates.Add(both);
            Console.WriteLine($"round {round}: one host {single,6:F0} resumes/s, two hosts {both,6:F0} resumes/s, two/one {both / single:F2} (load average {Figures.LoadAverage()})");
        }
        var oneMedian = Figures.Median(oneRates);
        var twoMedian = Figures.Median(twoRates);
        Console.WriteLine();
        Console.WriteLine($"two-hosts one: {oneMedian:F0} resumes/s (median of {rounds} rounds; one host process, {clients} clients)");
        Console.WriteLine($"two-hosts two: {twoMedian:F0} resumes/s (median of {rounds} rounds; two host processes, {clients} clients each, on the same {Environment.ProcessorCount} cores as the database)");
        Console.WriteLine($"two-hosts ratio two/one: {twoMedian / oneMedian:F2} (median of the per-round ratios {Figures.Median(twoRates.Zip(oneRates, (t, o) => t / o).ToList()):F2}; no target, reported only)");
    }

    /// <summary>
    /// The engine host: loads the instance ids, says <c>ready</c>, then for each <c>run FROM COUNT</c> line resumes
    /// those instances with its clients and answers <c>done SECONDS</c>; <c>quit</c> or the end of input stops it.
    /// </summary>
    public static async Task<int> WorkerAsync(string[] args)
    {
        var ct = CancellationToken.None;
        string connection = "", idsFile = "", folder = Path.GetTempPath();
        var clients = 8;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": connection = args[++i]; break;
                case "--ids": idsFile = args[++i]; break;
                case "--folder": folder = args[++i]; break;
                case "--clients": clients = Figures.Int(args, ref i); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        var ids = (await File.ReadAllLinesAsync(idsFile, ct)).Select(Guid.Parse).ToArray();
        using var engine = await BenchEngine.OpenAsync(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = connection }, folder, ct);
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync(ct) is { } line && line != "quit")
        {
            var parts = line.Split(' ');
            int from = int.Parse(parts[1], CultureInfo.InvariantCulture), count = int.Parse(parts[2], CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            await Figures.ConcurrentAsync(count, clients, async (_, i) =>
            {
                var id = ids[from + i];
                var report = await engine.Runtime.SignalAsync(id, "go", null, null, ct);
                if (report.Status != InstanceStatus.Finished) throw new InvalidOperationException($"Instance {id} is {report.Status} after its resume.");
            });
            Console.WriteLine($"done {watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)}");
        }
        return 0;
    }

    /// <summary>A running engine host process, driven through its standard input and output.</summary>
    private sealed class Worker : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _errors = new();

        private Worker(Process process) => _process = process;

        public int ProcessId => _process.Id;

        public static async Task<Worker> StartAsync(string connection, string idsFile, int clients, string folder)
        {
            // Run as this program was run: through its apphost, or as `dotnet Deliberation.Benchmarks.dll`.
            var self = Environment.ProcessPath!;
            var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(TwoHostsBenchmark).Assembly.Location);
            foreach (var a in new[] { WorkerCommand, "--connection", connection, "--ids", idsFile, "--clients", clients.ToString(CultureInfo.InvariantCulture), "--folder", folder })
                info.ArgumentList.Add(a);
            var worker = new Worker(Process.Start(info)!);
            worker._process.ErrorDataReceived += (_, e) => { lock (worker._errors) worker._errors.AppendLine(e.Data); };
            worker._process.BeginErrorReadLine();
            await worker.ExpectAsync("ready");
            return worker;
        }

        /// <summary>Resumes <paramref name="count"/> instances from position <paramref name="from"/> of the shared id list.</summary>
        public async Task RunAsync(int from, int count)
        {
            await _process.StandardInput.WriteLineAsync($"run {from} {count}");
            await _process.StandardInput.FlushAsync();
            await ExpectAsync("done");
        }

        private async Task ExpectAsync(string word)
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(word, StringComparison.Ordinal)) return;
            }
            await _process.WaitForExitAsync();
            lock (_errors) throw new InvalidOperationException($"Engine host {_process.Id} exited with {_process.ExitCode} before '{word}':\n{_errors}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                try
                {
                    await _process.StandardInput.WriteLineAsync("quit");
                    await _process.StandardInput.FlushAsync();
                }
                catch (IOException) { /* it is gone */ }
                if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }
}
