namespace Deliberation.Integrations.Timers;

/// <summary>The timer pump. Section <c>Deliberation:Timers</c>.</summary>
public sealed class TimerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Timers";

    /// <summary>Longest wait between two looks at the timer table (default 1 s): a due timer fires within about this.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timers claimed per batch (default 500).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a claim holds before another pump may take the timer again (default 1 min).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}
