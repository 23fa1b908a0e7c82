using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Needs;

/// <summary>
/// Photos sent with a claimant's progress reports, re-encoded as every photo is (<see cref="PhotoSanitizer"/>) and stored as
/// <c>{community}/needs/{need}/{photo}.{ext}</c> in the photo store.
/// </summary>
/// <param name="store">The photo store (<c>{DataPath}/photos</c>).</param>
public sealed class NeedPhotos(IFileStore store)
{
    private static readonly PhotoFormat[] Formats = [ComplaintPhotos.Jpeg, ComplaintPhotos.Png, ComplaintPhotos.WebP];

    /// <summary>Stores a re-encoded photo for a need; returns its id, to be named in the progress report.</summary>
    public async Task<Guid> SaveAsync(Guid communityId, Guid needId, SanitizedPhoto photo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var id = Guid.CreateVersion7(now);
        await store.WriteAsync([new StoredFile(PathOf(communityId, needId, id, photo.Format.Extension), photo.Content)], cancellationToken);
        return id;
    }

    /// <summary>The format of a stored photo of the need; null when there is none.</summary>
    public PhotoFormat? Find(Guid communityId, Guid needId, Guid photoId) =>
        Formats.FirstOrDefault(f => store.Exists(PathOf(communityId, needId, photoId, f.Extension)));

    /// <summary>A stored photo's bytes and format; null when there is none.</summary>
    public async Task<(byte[] Content, PhotoFormat Format)?> ReadAsync(Guid communityId, Guid needId, Guid photoId, CancellationToken cancellationToken)
    {
        if (Find(communityId, needId, photoId) is not { } format) return null;
        return await store.ReadAsync(PathOf(communityId, needId, photoId, format.Extension), cancellationToken) is { } content ? (content, format) : null;
    }

    private static string PathOf(Guid communityId, Guid needId, Guid photoId, string extension) => $"{communityId}/needs/{needId}/{photoId}.{extension}";
}
