using System.Collections.Concurrent;
using Deliberation.Host.Hosting;

namespace Deliberation.Host.Auth;

/// <summary>
/// Slows down guessing one account's password from one address: after <see cref="AuthOptions.FailuresPerAccount"/> wrong
/// passwords within <see cref="AuthOptions.FailureWindow"/>, that address may not try that account again until the oldest
/// of them is older than the window. Nothing is ever locked: the account signs in from any other address meanwhile, and
/// the pause ends by itself, so an outsider who knows a staff member's email cannot keep them out. The pair is keyed by
/// the email as typed (normalised), whether an account has it or not, so an unknown email is throttled exactly as a
/// known one and tells nothing. Kept in memory, per host: a restart forgets it, which only ever shortens a pause.
/// </summary>
public sealed class SignInThrottle(AuthOptions options, TimeProvider time)
{
    /// <summary>Pairs remembered at most; past this the expired ones are forgotten, then the longest quiet ones.</summary>
    internal const int MaxPairs = 50_000;

    private readonly ConcurrentDictionary<(string Address, string Account), Failures> _failures = new();

    /// <summary>How long the request's address must wait before trying <paramref name="email"/> again, or null when it may try now.</summary>
    public TimeSpan? WaitFor(HttpContext http, string? email)
    {
        if (!_failures.TryGetValue(KeyOf(http, email), out var failures)) return null;
        lock (failures)
        {
            var now = time.GetUtcNow();
            failures.ForgetBefore(now - options.FailureWindow);
            if (failures.Times.Count < options.FailuresPerAccount) return null;
            return failures.Times.Peek() + options.FailureWindow - now;
        }
    }

    /// <summary>Counts a wrong password for <paramref name="email"/> from the request's address.</summary>
    public void Failed(HttpContext http, string? email)
    {
        if (_failures.Count >= MaxPairs) Prune();
        var failures = _failures.GetOrAdd(KeyOf(http, email), _ => new Failures());
        lock (failures)
        {
            var now = time.GetUtcNow();
            failures.ForgetBefore(now - options.FailureWindow);
            failures.Times.Enqueue(now);
            // Only the newest few decide whether the pair waits.
            while (failures.Times.Count > options.FailuresPerAccount) failures.Times.Dequeue();
        }
    }

    /// <summary>The right password: the pair's count starts again.</summary>
    public void Succeeded(HttpContext http, string? email) => _failures.TryRemove(KeyOf(http, email), out _);

    private static (string, string) KeyOf(HttpContext http, string? email) => (ClientAddress.Of(http), (email ?? "").Trim().ToUpperInvariant());

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - options.FailureWindow;
        foreach (var (key, failures) in _failures)
            lock (failures)
                if (failures.Times.Count == 0 || failures.Times.Last() < cutoff) _failures.TryRemove(key, out _);
        if (_failures.Count < MaxPairs) return;
        // Still full of live pairs (many addresses at once): forget the half that failed longest ago.
        foreach (var key in _failures.OrderBy(p => p.Value.Latest).Take(_failures.Count / 2).Select(p => p.Key).ToList())
            _failures.TryRemove(key, out _);
    }

    /// <summary>The times of the latest wrong passwords of one pair, oldest first.</summary>
    private sealed class Failures
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public DateTimeOffset Latest
        {
            get { lock (this) return Times.Count == 0 ? DateTimeOffset.MinValue : Times.Last(); }
        }

        public void ForgetBefore(DateTimeOffset cutoff)
        {
            while (Times.Count > 0 && Times.Peek() <= cutoff) Times.Dequeue();
        }
    }
}
