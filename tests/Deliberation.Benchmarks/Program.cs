// Benchmarks, each reporting a figure against a baseline measured in the same run. The first argument names the
// benchmark (resume when left out); the rest are its options. See README.md.
// Usage: dotnet run -c Release --project tests/Deliberation.Benchmarks [-- [resume|postgres|startup|memory|two-hosts|ballot] [--quick] [options]]
var name = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "resume";
var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
return name switch
{
    "resume" => await ResumeBenchmark.MainAsync(rest),
    "postgres" => await PostgresBenchmark.MainAsync(rest),
    "startup" => await StartupBenchmark.MainAsync(rest),
    "memory" => await MemoryBenchmark.MainAsync(rest),
    "two-hosts" => await TwoHostsBenchmark.MainAsync(rest),
    TwoHostsBenchmark.WorkerCommand => await TwoHostsBenchmark.WorkerAsync(rest),
    "ballot" => await BallotAsync(rest),
    _ => Usage(name),
};

static int Usage(string name)
{
    Console.Error.WriteLine($"Unknown benchmark '{name}'. Use one of: resume (default), postgres, startup, memory, two-hosts, ballot; add --quick for a smoke run.");
    return 2;
}

static async Task<int> BallotAsync(string[] args)
{
    await Deliberation.Benchmarks.Ballot.BallotBenchmark.RunAsync(args);
    return 0;
}
