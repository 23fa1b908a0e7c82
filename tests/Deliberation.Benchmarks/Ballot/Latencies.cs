using System.Diagnostics;
using System.Globalization;

namespace Deliberation.Benchmarks.Ballot;

/// <summary>Latencies in stopwatch ticks, thread-safe to add to, with nearest-rank percentiles in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<long> _ticks = [];

    public int Count
    {
        get { lock (_ticks) return _ticks.Count; }
    }

    public void Add(long ticks)
    {
        lock (_ticks) _ticks.Add(ticks);
    }

    public double PercentileMs(double percent)
    {
        long[] sorted;
        lock (_ticks) sorted = [.. _ticks.Order()];
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {PercentileMs(50):F1} ms, p99 {PercentileMs(99):F1} ms, max {PercentileMs(100):F1} ms");
}
