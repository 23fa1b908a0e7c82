namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>A pending timer, indexed by due time; leased while the pump fires it.</summary>
public sealed class TimerRow
{
    public Guid BookmarkId { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}
