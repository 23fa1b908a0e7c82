namespace Deliberation.Engine.Storage;

/// <summary>One stored version of a workflow definition.</summary>
/// <param name="DefinitionId">The definition id.</param>
/// <param name="Version">1, 2, 3…</param>
/// <param name="IsPublished">Published versions are immutable and can be started.</param>
/// <param name="Json">The definition document.</param>
/// <param name="Hash">SHA-256 of the document (for files: of the file's bytes).</param>
/// <param name="Source"><c>api</c>, or <c>file:NAME.json</c> for a version imported from <c>workflows/</c>.</param>
/// <param name="CreatedAt">When the version was created.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Revision">Incremented by every save of a draft; guards concurrent edits.</param>
/// <param name="OwnerCommunityId">The community whose own workflow this is (only it can start it), or null for a shared
/// workflow every community can start. Set when the definition is first saved; every version of a definition has the same owner.</param>
public sealed record DefinitionVersion(
    string DefinitionId, int Version, bool IsPublished, string Json, string Hash, string Source,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, long Revision, Guid? OwnerCommunityId = null)
{
    /// <summary>The value of the version's ETag: version and revision.</summary>
    public string ETag => $"\"{Version}-{Revision}\"";
}
