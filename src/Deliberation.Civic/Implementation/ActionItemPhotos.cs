using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Photos sent with progress reports, checked as complaint photos are (<see cref="ComplaintPhotos"/>: JPEG, PNG or WebP by
/// content, at most 5 MB) and stored as <c>{community}/action-items/{item}/{photo}.{ext}</c> in the photo store.
/// </summary>
/// <param name="store">The photo store (<c>{DataPath}/photos</c>).</param>
public sealed class ActionItemPhotos(IFileStore store)
{
    /// <summary>Checks and stores a photo for an item; returns its id, to be named in the progress report.</summary>
    /// <exception cref="WorkflowException">Not an accepted image, or too large (400, <c>invalid-photo</c>, error on <c>photo</c>).</exception>
    public async Task<Guid> SaveAsync(Guid communityId, Guid itemId, byte[] content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > ComplaintPhotos.MaxBytes) throw Invalid(ActionItemFields.PhotoTooLarge.With(("max", ComplaintPhotos.MaxBytes / 1024 / 1024)));
        var format = ComplaintPhotos.Detect(content) ?? throw Invalid(ActionItemFields.PhotoFormat.Error());
        var id = Guid.CreateVersion7(now);
        await store.WriteAsync([new StoredFile(PathOf(communityId, itemId, id, format.Extension), content)], cancellationToken);
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

    private static WorkflowException Invalid(FieldError error) =>
        new(WorkflowErrorKind.Invalid, "invalid-photo", error.Format(english: true)) { FieldErrors = new Dictionary<string, FieldError[]> { ["photo"] = [error] } };
}
