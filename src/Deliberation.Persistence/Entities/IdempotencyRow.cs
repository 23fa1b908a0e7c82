namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>The first result of an idempotent request.</summary>
public sealed class IdempotencyRow
{
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string Result { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
