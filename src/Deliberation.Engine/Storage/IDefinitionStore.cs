namespace Deliberation.Engine.Storage;

/// <summary>Stores definition versions; implemented by Persistence.</summary>
public interface IDefinitionStore
{
    /// <summary>The newest version of every definition.</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>All versions of one definition, newest first, without their documents' text when <paramref name="withJson"/> is false.</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, bool withJson, CancellationToken cancellationToken);

    /// <summary>One version, or null.</summary>
    Task<DefinitionVersion?> GetAsync(string definitionId, int version, CancellationToken cancellationToken);

    /// <summary>The newest version (draft or published), or null.</summary>
    Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>The newest published version, or null.</summary>
    Task<DefinitionVersion?> GetLatestPublishedAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>The newest version imported from a source (a file), or null.</summary>
    Task<DefinitionVersion?> GetLastFromSourceAsync(string source, CancellationToken cancellationToken);

    /// <summary>Inserts a new version; false when that version number exists already.</summary>
    Task<bool> InsertAsync(DefinitionVersion version, CancellationToken cancellationToken);

    /// <summary>Replaces a draft if its revision is still <paramref name="expectedRevision"/>; false otherwise.</summary>
    Task<bool> UpdateDraftAsync(DefinitionVersion version, long expectedRevision, CancellationToken cancellationToken);
}
