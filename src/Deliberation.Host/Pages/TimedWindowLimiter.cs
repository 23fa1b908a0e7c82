using System.Threading.RateLimiting;

namespace Deliberation.Host.Pages;

/// <summary>
/// A sliding-window rate limiter on the injected <see cref="TimeProvider"/>: at most <c>limit</c> permits in any
/// <c>window</c>; a refused lease says when the oldest permit leaves the window. The framework's limiters read the
/// system clock on timers of their own, so a test on a fake clock could not tell when a window turns.
/// </summary>
internal sealed class TimedWindowLimiter(int limit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Queue<DateTimeOffset> _granted = new();
    private readonly Lock _gate = new();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Expire(time.GetUtcNow());
                return _granted.Count == 0 ? TimeSpan.Zero : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate) return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, limit - _granted.Count) };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            if (_granted.Count + permitCount > limit)
                return new Lease(false, _granted.Count > 0 ? _granted.Peek() + window - now : window);
            for (var i = 0; i < permitCount; i++) _granted.Enqueue(now);
            return new Lease(true, null);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Expire(DateTimeOffset now)
    {
        while (_granted.Count > 0 && _granted.Peek() + window <= now) _granted.Dequeue();
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
