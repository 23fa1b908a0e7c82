namespace Deliberation.Integrations.Schedules;

/// <summary>The scheduler of definitions' schedules. Section <c>Deliberation:Schedules</c>.</summary>
public sealed class ScheduleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Schedules";

    /// <summary>
    /// Longest wait between two looks at the published schedules (default 30 s, at least 1 s): an occurrence starts
    /// within about this, and a newly published schedule is seen within it.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
