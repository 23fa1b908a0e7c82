namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>An instance row; the state is a JSON document.</summary>
public sealed class InstanceRow
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string Status { get; set; } = "";
    public string? CorrelationId { get; set; }
    public Guid? ScopeId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public long Revision { get; set; }
    public string State { get; set; } = "";

    /// <summary>The instance's newest journal row (<see cref="JournalStepRow.Id"/>), null before its first.</summary>
    public long? JournalHead { get; set; }
}
