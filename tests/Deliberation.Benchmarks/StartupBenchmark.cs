// Start-up benchmark: the real host process on a database with 100,000 pending timers against an empty one.
// Usage: dotnet run -c Release --project tests/Deliberation.Benchmarks -- startup [--quick | --postgres | --timers N | --rounds N | --keep]
using System.Diagnostics;
using Deliberation.Testing;

/// <summary>
/// Prepares two host data folders (SQLite, or PostgreSQL databases with <c>--postgres</c>): one with no instances, one with <c>timers</c> instances each waiting on a
/// timer years away. Before each start one more instance with a timer that is already due is added. Measures, from
/// launching <c>dotnet Deliberation.Host.dll</c>, the time until <c>/health</c> answers 200 and the time until the timer
/// pump has fired the due timer (its instance finished), alternating the two folders, and reports medians and ratio.
/// Every measured start is a restart: a first, unmeasured start on each folder imports the workflows and creates the
/// keys and the administrator, as an install's first start does.
/// </summary>
internal sealed class StartupBenchmark
{
    private const double TargetSeconds = 10;
    private static readonly TimeSpan TimerLimit = TimeSpan.FromSeconds(120);

    public static async Task<int> MainAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        int timers = quick ? 2_000 : 100_000, rounds = quick ? 1 : 3;
        bool keep = false, postgres = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": break;
                case "--keep": keep = true; break;
                case "--postgres": postgres = true; break;
                case "--timers": timers = Figures.Int(args, ref i); break;
                case "--rounds": rounds = Figures.Int(args, ref i); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        var folder = Figures.NewFolder("startup");
        try
        {
            await using var cluster = postgres ? await PrivatePostgres.StartAsync(folder, keep) : null;
            await RunAsync(folder, cluster, timers, rounds);
        }
        finally
        {
            if (keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task RunAsync(string folder, PrivatePostgres? cluster, int timers, int rounds)
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"Deliberation start-up benchmark (real host process, {(cluster is null ? "SQLite" : "PostgreSQL")})");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {Figures.LoadAverage()}, host {TestPaths.HostAssembly}");
        if (cluster is not null)
        {
            Console.WriteLine($"  cluster: {await cluster.DescribeAsync()}");
            await cluster.CreateDatabaseAsync("empty");
            await cluster.CreateDatabaseAsync("seeded");
        }
        var seedWatch = Stopwatch.StartNew();
        var empty = await HostDatabase.CreateAsync(Path.Combine(folder, "empty"), 0, cluster?.ConnectionString("empty"), ct);
        var seeded = await HostDatabase.CreateAsync(Path.Combine(folder, "seeded"), timers, cluster?.ConnectionString("seeded"), ct);
        var (open, pending) = await seeded.CountAsync(ct);
        Console.WriteLine($"  seeded: {open} open instances with {pending} timers due in 3650 days ({seedWatch.Elapsed.TotalSeconds:F1} s); empty: none");
        foreach (var database in new[] { empty, seeded })
        {
            await using var first = await database.StartHostAsync();
        }
        Console.WriteLine("  first start on each folder done (workflows imported, keys and administrator created); not measured");
        Console.WriteLine();

        var results = new Dictionary<HostDatabase, List<(double Health, double Timer, double Cpu)>> { [empty] = [], [seeded] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var database in new[] { empty, seeded })
            {
                var result = await MeasureAsync(database, ct);
                results[database].Add(result);
                Console.WriteLine($"round {round} {(database == empty ? "empty " : "seeded")}: /health 200 after {result.Health:F2} s, due timer fired after {result.Timer:F2} s, host CPU time {result.Cpu:F2} s " +
                    $"(load average {Figures.LoadAverage()})");
            }
        }

        double Started(HostDatabase d) => Figures.Median(results[d].Select(r => Math.Max(r.Health, r.Timer)).ToList());
        double Health(HostDatabase d) => Figures.Median(results[d].Select(r => r.Health).ToList());
        double Timer(HostDatabase d) => Figures.Median(results[d].Select(r => r.Timer).ToList());
        double Cpu(HostDatabase d) => Figures.Median(results[d].Select(r => r.Cpu).ToList());
        Console.WriteLine();
        Console.WriteLine($"startup ({seeded.Provider}) empty: {Started(empty):F2} s until healthy and firing timers (health {Health(empty):F2} s, due timer fired {Timer(empty):F2} s; host CPU time {Cpu(empty):F2} s; median of {rounds})");
        Console.WriteLine($"startup ({seeded.Provider}) with {timers} pending timers: {Started(seeded):F2} s until healthy and firing timers (health {Health(seeded):F2} s, due timer fired {Timer(seeded):F2} s; host CPU time {Cpu(seeded):F2} s; median of {rounds})");
        Console.WriteLine($"startup ({seeded.Provider}) ratio seeded/empty: {Started(seeded) / Started(empty):F2}; with {timers} pending timers {Started(seeded):F2} s (target < {TargetSeconds} s) " +
            Figures.Verdict(Started(seeded) < TargetSeconds));
    }

    /// <summary>
    /// Adds a due timer, starts the host and times /health and the due timer's firing from the launch; also reads the CPU
    /// time the host process used by then, which depends less than wall time on what else the machine runs.
    /// </summary>
    private static async Task<(double Health, double Timer, double Cpu)> MeasureAsync(HostDatabase database, CancellationToken ct)
    {
        var probe = await database.AddDueInstanceAsync(ct);
        Figures.Settle();
        var watch = Stopwatch.StartNew();
        var timer = Task.Run(async () =>
        {
            await database.WaitFinishedAsync(probe, TimerLimit, ct);
            return watch.Elapsed.TotalSeconds;
        }, ct);
        await using var host = await database.StartHostAsync();
        var health = watch.Elapsed.TotalSeconds;
        var fired = await timer;
        return (health, fired, CpuSeconds(host.ProcessId));
    }

    /// <summary>User plus system CPU time of a process (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ", field 3 is at index 0
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }
}
