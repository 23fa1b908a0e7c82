using Deliberation.Civic.Data;

namespace Deliberation.Integrations.Files;

/// <summary>The domain's <see cref="IFileStore"/> on a folder (created when first written): the archive, the photos.</summary>
public sealed class FolderFileStore : IFileStore
{
    /// <summary>Creates the store over a root folder.</summary>
    /// <exception cref="ArgumentException"><paramref name="root"/> is blank.</exception>
    public FolderFileStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The root folder (absolute).</summary>
    public string Root { get; }

    /// <summary>The absolute location of a path of the store.</summary>
    /// <exception cref="ArgumentException">The path is not a safe relative path.</exception>
    public string Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        if (path.Length == 0 || path.Length > 400 || segments.Any(s => !IsSafeSegment(s)))
            throw new ArgumentException($"'{path}' is not a relative path of the store.", nameof(path));
        return Path.Combine([Root, .. segments]);
    }

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<StoredFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var targets = files.Select(f => (Target: Locate(f.Path), f.Content)).ToList();
        var temporary = new List<string>();
        try
        {
            foreach (var (target, content) in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
                temporary.Add(temp);
                await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await stream.WriteAsync(content, cancellationToken);
                // On disk before the move, so that a crash cannot leave a renamed but empty file.
                stream.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < targets.Count; i++) File.Move(temporary[i], targets[i].Target, overwrite: true);
        }
        finally
        {
            foreach (var temp in temporary) File.Delete(temp);
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var location = Locate(path);
        try
        {
            return await File.ReadAllBytesAsync(location, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public bool Exists(string path) => File.Exists(Locate(path));

    /// <inheritdoc/>
    public void Delete(string path) => File.Delete(Locate(path));

    private static bool IsSafeSegment(string segment) =>
        segment.Length is > 0 and <= 100 && segment != "." && segment != ".." && !segment.StartsWith('.')
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
