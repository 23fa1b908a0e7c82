using System.Diagnostics;
using Deliberation.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Deliberation.Integrations.Timers;

/// <summary>
/// How a polling loop lives through failures. A failed round is logged with its exception each time, and the loop
/// waits as usual. An outage of the database (<see cref="IStoreOutages"/>) is logged once when it begins and once when
/// the loop gets through again; meanwhile the loop backs off, from its usual wait doubling up to <see cref="MaxBackoff"/>,
/// so a restart of the database costs a few quiet rounds, not a log line per poll. One instance per loop; not thread-safe.
/// </summary>
/// <param name="loop">The loop's name in the log.</param>
/// <param name="outages">Tells an outage from another failure.</param>
/// <param name="logger">Where to log.</param>
public sealed class LoopFailures(string loop, IStoreOutages outages, ILogger logger)
{
    /// <summary>The longest wait between two rounds during an outage (5 s): the loop is back this soon after the database.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private int _outageRounds;
    private long _outageStarted;

    /// <summary>Records a failed round and returns how long to wait before the next.</summary>
    /// <param name="exception">What the round threw.</param>
    /// <param name="wait">The loop's usual wait.</param>
    public TimeSpan Failed(Exception exception, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!outages.IsOutage(exception))
        {
            logger.LogError(exception, "{Loop} failed; it tries again in {Wait}.", loop, wait);
            return wait;
        }
        if (_outageRounds++ == 0)
        {
            _outageStarted = Stopwatch.GetTimestamp();
            logger.LogWarning("{Loop}: the database is unavailable ({Error}); it keeps trying, backing off up to {MaxBackoff}, and carries on when the database answers.",
                loop, exception.GetBaseException().Message, MaxBackoff);
        }
        var backoff = wait * Math.Pow(2, Math.Min(_outageRounds, 16));
        return backoff < MaxBackoff ? backoff : MaxBackoff;
    }

    /// <summary>Records a round that got through; ends the outage, if there was one.</summary>
    public void Succeeded()
    {
        if (_outageRounds == 0) return;
        logger.LogInformation("{Loop}: the database answers again after {Duration:c} ({Rounds} failed rounds); carrying on.",
            loop, Stopwatch.GetElapsedTime(_outageStarted), _outageRounds);
        _outageRounds = 0;
    }
}
