using System.Diagnostics;

/// <summary>Small statistics and helpers the benchmarks share.</summary>
internal static class Figures
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static long Percentile(IEnumerable<long> ticks, double percent)
    {
        var sorted = ticks.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public static string Verdict(bool met) => met ? "PASS" : "MISS";

    public static void Shuffle<T>(IList<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>
    /// Runs <paramref name="count"/> operations on <paramref name="clients"/> concurrent clients, each taking the next
    /// operation number from a shared counter; returns operations per second and each operation's duration in ticks.
    /// </summary>
    public static async Task<(double PerSecond, long[] Ticks)> ConcurrentAsync(int count, int clients, Func<int, int, Task> operation)
    {
        var ticks = new long[count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(client, i);
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }
        })));
        return (count / total.Elapsed.TotalSeconds, ticks);
    }

    /// <summary>The load average over the last minute, as /proc/loadavg tells it.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>Reads an integer option's value.</summary>
    public static int Int(string[] args, ref int i) =>
        i + 1 < args.Length ? int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[i]} needs a value.");

    /// <summary>A fresh temp folder for one run.</summary>
    public static string NewFolder(string benchmark)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"deliberation-bench-{benchmark}-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
