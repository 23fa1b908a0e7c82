namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's QueuedSignal, which documents them.

/// <summary>
/// A durable signal in its instance's inbox: queued in the transaction of the change that caused it, then
/// delivered to a bookmark (<see cref="DeliveredAt"/>) or dropped when the instance ended first (<see cref="DroppedAt"/>).
/// </summary>
public sealed class SignalRow
{
    /// <summary>The order signals were queued in (a database sequence): delivery is oldest first, even within one millisecond.</summary>
    public long Seq { get; set; }

    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string Name { get; set; } = "";
    public string? Correlation { get; set; }
    public string? Payload { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? DroppedAt { get; set; }

    /// <summary>The instance revision at which a delivery attempt last found no bookmark for it; the sweep skips it until the instance changes.</summary>
    public long? CheckedRevision { get; set; }
}
