using System.Security.Cryptography;
using Deliberation.Civic.Issues;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Photos sent with progress reports, checked as complaint photos are (<see cref="ComplaintPhotos"/>: JPEG, PNG or WebP by
/// content, at most 5 MB) and stored as <c>{folder}/{community}/action-items/{item}/{photo}.{ext}</c>.
/// </summary>
/// <param name="folder">The photo folder (<c>{DataPath}/photos</c>).</param>
public sealed class ActionItemPhotos(string folder)
{
    /// <summary>Checks and stores a photo for an item; returns its id, to be named in the progress report.</summary>
    /// <exception cref="WorkflowException">Not an accepted image, or too large (400, <c>invalid-photo</c>, error on <c>photo</c>).</exception>
    public async Task<Guid> SaveAsync(Guid communityId, Guid itemId, byte[] content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > ComplaintPhotos.MaxBytes) throw Invalid(ActionItemFields.PhotoTooLarge.With(("max", ComplaintPhotos.MaxBytes / 1024 / 1024)));
        var format = ComplaintPhotos.Detect(content) ?? throw Invalid(ActionItemFields.PhotoFormat.Error());
        var id = Guid.CreateVersion7(now);
        var path = PathOf(communityId, itemId, id, format.Extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path + ".tmp", content, cancellationToken);
        File.Move(path + ".tmp", path, overwrite: true);
        return id;
    }

    /// <summary>A stored photo of the item: its path, media type and SHA-256; null when there is none.</summary>
    public (string Path, PhotoFormat Format)? Find(Guid communityId, Guid itemId, Guid photoId)
    {
        foreach (var format in new[] { ComplaintPhotos.Jpeg, ComplaintPhotos.Png, ComplaintPhotos.WebP })
        {
            var path = PathOf(communityId, itemId, photoId, format.Extension);
            if (File.Exists(path)) return (path, format);
        }
        return null;
    }

    /// <summary>The lower-case hex SHA-256 of a stored photo.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private string PathOf(Guid communityId, Guid itemId, Guid photoId, string extension) =>
        Path.Combine(folder, communityId.ToString(), "action-items", itemId.ToString(), $"{photoId}.{extension}");

    private static WorkflowException Invalid(FieldError error) =>
        new(WorkflowErrorKind.Invalid, "invalid-photo", error.Format(english: true)) { FieldErrors = new Dictionary<string, FieldError[]> { ["photo"] = [error] } };
}
