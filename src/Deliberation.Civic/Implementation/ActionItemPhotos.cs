using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Photos sent with progress reports, re-encoded as complaint photos are (<see cref="PhotoSanitizer"/>: JPEG, PNG or WebP
/// by content, at most 5 MB, no metadata) and stored as <c>{community}/action-items/{item}/{photo}.{ext}</c> in the photo store.
/// </summary>
/// <param name="store">The photo store (<c>{DataPath}/photos</c>).</param>
public sealed class ActionItemPhotos(IFileStore store)
{
    /// <summary>Stores a re-encoded photo for an item; returns its id, to be named in the progress report.</summary>
    public async Task<Guid> SaveAsync(Guid communityId, Guid itemId, SanitizedPhoto photo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var id = Guid.CreateVersion7(now);
        await store.WriteAsync([new StoredFile(PathOf(communityId, itemId, id, photo.Format.Extension), photo.Content)], cancellationToken);
        return id;
    }

    /// <summary>The format of a stored photo of the item; null when there is none.</summary>
    public PhotoFormat? Find(Guid communityId, Guid itemId, Guid photoId) =>
        new[] { ComplaintPhotos.Jpeg, ComplaintPhotos.Png, ComplaintPhotos.WebP }.FirstOrDefault(f => store.Exists(PathOf(communityId, itemId, photoId, f.Extension)));

    /// <summary>A stored photo's bytes; null when there is none.</summary>
    public async Task<byte[]?> ReadAsync(Guid communityId, Guid itemId, Guid photoId, CancellationToken cancellationToken) =>
        Find(communityId, itemId, photoId) is { } format ? await store.ReadAsync(PathOf(communityId, itemId, photoId, format.Extension), cancellationToken) : null;

    private static string PathOf(Guid communityId, Guid itemId, Guid photoId, string extension) =>
        $"{communityId}/action-items/{itemId}/{photoId}.{extension}";
}
