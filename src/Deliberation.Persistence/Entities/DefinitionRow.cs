namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Columns mirror the engine's records, which document them.

/// <summary>A definition version row.</summary>
public sealed class DefinitionRow
{
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public bool IsPublished { get; set; }
    public string Json { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public long Revision { get; set; }
    public Guid? OwnerCommunityId { get; set; }
}
