// Start-up benchmark: the real host process on a database with 100,000 pending timers against an empty one.
// Usage: dotnet run -c Release --project tests/Deliberation.Benchmarks -- startup [--quick | --timers N | --rounds N | --keep]
using System.Diagnostics;
using Deliberation.Testing;

/// <summary>
/// Prepares two host data folders (SQLite): one with no instances, one with <c>timers</c> instances each waiting on a
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
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": break;
                case "--keep": keep = true; break;
                case "--timers": timers = Figures.Int(args, ref i); break;
                case "--rounds": rounds = Figures.Int(args, ref i); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        var folder = Figures.NewFolder("startup");
        try
        {
            await RunAsync(folder, timers, rounds);
        }
        finally
        {
            if (keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task RunAsync(string folder, int timers, int rounds)
    {
        var ct = CancellationToken.None;
        Console.WriteLine("Deliberation start-up benchmark (real host process, SQLite)");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {Figures.LoadAverage()}, host {TestPaths.HostAssembly}");
        var seedWatch = Stopwatch.StartNew();
        var empty = await HostDatabase.CreateAsync(Path.Combine(folder, "empty"), 0, ct);
        var seeded = await HostDatabase.CreateAsync(Path.Combine(folder, "seeded"), timers, ct);
        var (open, pending) = seeded.Count();
        Console.WriteLine($"  seeded: {open} open instances with {pending} timers due in 3650 days ({seedWatch.Elapsed.TotalSeconds:F1} s); empty: none");
        foreach (var database in new[] { empty, seeded })
        {
            await using var first = await database.StartHostAsync();
        }
        Console.WriteLine("  first start on each folder done (workflows imported, keys and administrator created); not measured");
        Console.WriteLine();

        var results = new Dictionary<HostDatabase, List<(double Health, double Timer)>> { [empty] = [], [seeded] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var database in new[] { empty, seeded })
            {
                var result = await MeasureAsync(database, ct);
                results[database].Add(result);
                Console.WriteLine($"round {round} {(database == empty ? "empty " : "seeded")}: /health 200 after {result.Health:F2} s, due timer fired after {result.Timer:F2} s " +
                    $"(load average {Figures.LoadAverage()})");
            }
        }

        double Started(HostDatabase d) => Figures.Median(results[d].Select(r => Math.Max(r.Health, r.Timer)).ToList());
        double Health(HostDatabase d) => Figures.Median(results[d].Select(r => r.Health).ToList());
        double Timer(HostDatabase d) => Figures.Median(results[d].Select(r => r.Timer).ToList());
        Console.WriteLine();
        Console.WriteLine($"startup empty: {Started(empty):F2} s until healthy and firing timers (health {Health(empty):F2} s, due timer fired {Timer(empty):F2} s; median of {rounds})");
        Console.WriteLine($"startup with {timers} pending timers: {Started(seeded):F2} s until healthy and firing timers (health {Health(seeded):F2} s, due timer fired {Timer(seeded):F2} s; median of {rounds})");
        Console.WriteLine($"startup ratio seeded/empty: {Started(seeded) / Started(empty):F2}; with {timers} pending timers {Started(seeded):F2} s (target < {TargetSeconds} s) " +
            Figures.Verdict(Started(seeded) < TargetSeconds));
    }

    /// <summary>Adds a due timer, starts the host and times /health and the due timer's firing from the launch.</summary>
    private static async Task<(double Health, double Timer)> MeasureAsync(HostDatabase database, CancellationToken ct)
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
        return (health, await timer);
    }
}
