namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>A message waiting for delivery, delivered, or failed for good.</summary>
public sealed class OutboxRow
{
    public Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}
