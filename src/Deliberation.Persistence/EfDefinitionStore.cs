using Deliberation.Engine.Storage;
using Deliberation.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>Definition versions through EF Core (not a hot path).</summary>
public sealed class EfDefinitionStore(DeliberationDatabase database) : IDefinitionStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<DefinitionVersion>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Definitions
            .Where(d => d.Version == db.Definitions.Where(x => x.DefinitionId == d.DefinitionId).Max(x => x.Version))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DefinitionId, StringComparer.Ordinal).Select(Map).ToList();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, bool withJson, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Definitions.Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).ToListAsync(cancellationToken);
        return rows.Select(r => Map(r) with { Json = withJson ? r.Json : "" }).ToList();
    }

    /// <inheritdoc/>
    public async Task<DefinitionVersion?> GetAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        return row is null ? null : Map(row);
    }

    /// <inheritdoc/>
    public async Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.Definitions.Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Map(row);
    }

    /// <inheritdoc/>
    public async Task<DefinitionVersion?> GetLatestPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Map(row);
    }

    /// <inheritdoc/>
    public async Task<DefinitionVersion?> GetLastFromSourceAsync(string source, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Definitions.Where(d => d.Source == source).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Version).Select(Map).FirstOrDefault();
    }

    /// <inheritdoc/>
    public async Task<bool> InsertAsync(DefinitionVersion version, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        db.Definitions.Add(ToRow(version));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<bool> UpdateDraftAsync(DefinitionVersion version, long expectedRevision, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        // Only an unpublished row at the expected revision may change: published versions are immutable.
        var updated = await db.Definitions
            .Where(d => d.DefinitionId == version.DefinitionId && d.Version == version.Version && !d.IsPublished && d.Revision == expectedRevision)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Json, version.Json)
                .SetProperty(d => d.Hash, version.Hash)
                .SetProperty(d => d.Source, version.Source)
                .SetProperty(d => d.IsPublished, version.IsPublished)
                .SetProperty(d => d.PublishedAt, version.PublishedAt)
                .SetProperty(d => d.CreatedAt, version.CreatedAt)
                .SetProperty(d => d.Revision, version.Revision), cancellationToken);
        return updated == 1;
    }

    private static DefinitionVersion Map(DefinitionRow r) =>
        new(r.DefinitionId, r.Version, r.IsPublished, r.Json, r.Hash, r.Source, r.CreatedAt, r.PublishedAt, r.Revision, r.OwnerCommunityId);

    private static DefinitionRow ToRow(DefinitionVersion v) => new()
    {
        DefinitionId = v.DefinitionId, Version = v.Version, IsPublished = v.IsPublished, Json = v.Json, Hash = v.Hash,
        Source = v.Source, CreatedAt = v.CreatedAt, PublishedAt = v.PublishedAt, Revision = v.Revision,
        OwnerCommunityId = v.OwnerCommunityId,
    };
}
