// Memory benchmark: the real host process's resident memory with 100,000 open instances against an empty database.
// Usage: dotnet run -c Release --project tests/Deliberation.Benchmarks -- memory [--quick | --postgres | --instances N | --keep]
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Testing;

/// <summary>
/// Starts the real host on a database (SQLite, or PostgreSQL with <c>--postgres</c>) with no instances, then on one with <c>instances</c> open instances (each
/// waiting on a timer years away); on each, once healthy, signs in and makes the staff UI's calls (the instance list's
/// first pages, one instance and its journal, the incidents, the dashboard of a community) three times, then reads the
/// process's VmRSS (resident now) and VmHWM (the peak) from /proc.
/// </summary>
internal sealed class MemoryBenchmark
{
    private const double TargetMegabytes = 500;

    public static async Task<int> MainAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var instances = quick ? 2_000 : 100_000;
        bool keep = false, postgres = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": break;
                case "--keep": keep = true; break;
                case "--postgres": postgres = true; break;
                case "--instances": instances = Figures.Int(args, ref i); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        var folder = Figures.NewFolder("memory");
        try
        {
            await using var cluster = postgres ? await PrivatePostgres.StartAsync(folder, keep) : null;
            await RunAsync(folder, cluster, instances);
        }
        finally
        {
            if (keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task RunAsync(string folder, PrivatePostgres? cluster, int instances)
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"Deliberation host memory benchmark (real host process, {(cluster is null ? "SQLite" : "PostgreSQL")}, {HostGc()} GC as the host's runtimeconfig.json sets it)");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {Figures.LoadAverage()}, host {TestPaths.HostAssembly}");
        if (cluster is not null)
        {
            Console.WriteLine($"  cluster: {await cluster.DescribeAsync()}");
            await cluster.CreateDatabaseAsync("empty");
            await cluster.CreateDatabaseAsync("seeded");
        }
        var empty = await HostDatabase.CreateAsync(Path.Combine(folder, "empty"), 0, cluster?.ConnectionString("empty"), ct);
        var seeded = await HostDatabase.CreateAsync(Path.Combine(folder, "seeded"), instances, cluster?.ConnectionString("seeded"), ct);
        Console.WriteLine($"  seeded: {(await seeded.CountAsync(ct)).Open} open instances; empty: none");
        Console.WriteLine();

        var emptyMemory = await MeasureAsync(empty, "empty", ct);
        var seededMemory = await MeasureAsync(seeded, "seeded", ct);
        Console.WriteLine();
        Console.WriteLine($"memory ({seeded.Provider}) empty: VmRSS {emptyMemory.Rss:F0} MB, VmHWM {emptyMemory.Peak:F0} MB");
        Console.WriteLine($"memory ({seeded.Provider}) with {instances} open instances: VmRSS {seededMemory.Rss:F0} MB, VmHWM {seededMemory.Peak:F0} MB " +
            $"(+{seededMemory.Rss - emptyMemory.Rss:F0} MB over empty, ratio {seededMemory.Rss / emptyMemory.Rss:F2})");
        Console.WriteLine($"memory ({seeded.Provider}) verdict: peak {seededMemory.Peak:F0} MB with {instances} open instances (target < {TargetMegabytes} MB) {Figures.Verdict(seededMemory.Peak < TargetMegabytes)}");
    }

    private static async Task<(double Rss, double Peak)> MeasureAsync(HostDatabase database, string label, CancellationToken ct)
    {
        await using var host = await database.StartHostAsync();
        var (startRss, startPeak) = Read(host.ProcessId);
        Console.WriteLine($"{label}: after start-up VmRSS {startRss:F0} MB, VmHWM {startPeak:F0} MB");
        using var client = host.CreateAnonymousClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = HostDatabase.AdminEmail, password = HostDatabase.AdminPassword, useCookies = false }, ct);
        login.EnsureSuccessStatusCode();
        var token = (string)(await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var community = await client.PostAsJsonAsync("/api/communities", new { code = "BENCH", name = "基准社区" }, ct);
        community.EnsureSuccessStatusCode();
        var communityId = (string)(await community.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!;

        var calls = 0;
        async Task<JsonNode?> Get(string path)
        {
            var response = await client.GetAsync(path, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            calls++;
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        }
        long total = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            // The instance list as the staff UI pages it, newest first, and the first one opened.
            var page = await Get("/api/instances?take=50");
            total = (long)page!["total"]!;
            await Get("/api/instances?take=50&skip=50");
            await Get("/api/instances?take=50&status=Suspended");
            if (page["items"]!.AsArray().FirstOrDefault() is { } first)
            {
                var id = (string)first["id"]!;
                await Get($"/api/instances/{id}");
                await Get($"/api/instances/{id}/journal");
            }
            // The dashboard.
            await Get("/api/incidents");
            await Get($"/api/communities/{communityId}/complaints/ranking");
            await Get($"/api/communities/{communityId}/complaints?status=anchored");
            await Get($"/api/communities/{communityId}/cases");
            await Get($"/api/communities/{communityId}/meetings/upcoming");
            await Get($"/api/communities/{communityId}/escalations");
            await Get($"/api/communities/{communityId}/notices");
        }
        var (rss, peak) = Read(host.ProcessId);
        Console.WriteLine($"{label}: after {calls} staff API calls (the instance list says {total.ToString(CultureInfo.InvariantCulture)} instances) VmRSS {rss:F0} MB, VmHWM {peak:F0} MB");
        return (rss, peak);
    }

    /// <summary>The host's garbage collector: the web SDK turns on server GC unless the project turns it off.</summary>
    private static string HostGc()
    {
        var config = Path.ChangeExtension(TestPaths.HostAssembly, ".runtimeconfig.json");
        var server = File.Exists(config) && JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["configProperties"]?["System.GC.Server"]?.GetValue<bool>() == true;
        return server ? "server" : "workstation";
    }

    /// <summary>VmRSS and VmHWM of a process, in MB.</summary>
    private static (double Rss, double Peak) Read(int processId)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            static double Megabytes(string line) => long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Megabytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Megabytes(line);
        }
        return (rss, peak);
    }
}
