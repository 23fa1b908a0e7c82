namespace Deliberation.Civic.Data;

/// <summary>
/// Files the domain keeps beside its rows (complaint and progress photos, filed minutes), under paths relative to one
/// store — <c>/</c>-separated segments of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, never <c>..</c>. The domain
/// owns the port; <c>Deliberation.Integrations</c> implements it on a folder.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Writes the files, replacing any at the same paths: each is written beside its place and flushed to disk first,
    /// then all are moved into place, so a reader never sees half a file and a failure while writing leaves the earlier
    /// files whole.
    /// </summary>
    /// <exception cref="ArgumentException">A path is not a safe relative path.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    Task WriteAsync(IReadOnlyList<StoredFile> files, CancellationToken cancellationToken);

    /// <summary>The bytes of a file, or null when there is none.</summary>
    /// <exception cref="ArgumentException">The path is not a safe relative path.</exception>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Whether a file exists.</summary>
    bool Exists(string path);

    /// <summary>Removes a file; nothing when there is none.</summary>
    void Delete(string path);
}

/// <summary>A file to write: its path in the store and its bytes.</summary>
public sealed record StoredFile(string Path, byte[] Content);
