namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>A live bookmark.</summary>
public sealed class BookmarkRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string? SignalName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
