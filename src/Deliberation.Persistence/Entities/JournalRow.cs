namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>An append-only journal line as the API shows it; stored packed per step in a <see cref="JournalStepRow"/>.</summary>
public sealed class JournalRow
{
    public Guid InstanceId { get; set; }
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? ExecutionId { get; set; }
    public Guid? BookmarkId { get; set; }
    public string? Outcome { get; set; }
    public string? Detail { get; set; }
}
