using System.Security.Cryptography;

namespace Deliberation.Civic.Links;

/// <summary>
/// The key that signs links: from configuration, else from a key file in the data folder, which is
/// generated on the first start. Losing the key retires every link sent so far (staff can reissue
/// them); leaking it lets anyone answer for anyone, so the file is readable by its owner only.
/// </summary>
public static class LinkSigningKey
{
    /// <summary>Bytes in a generated key.</summary>
    public const int GeneratedKeyBytes = 32;

    /// <summary>Decodes a configured key (standard base64 or base64url).</summary>
    /// <exception cref="FormatException">Not base64, or shorter than <see cref="LinkSigner.MinimumKeyBytes"/> bytes.</exception>
    public static byte[] Parse(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var text = base64.Trim().Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException("The link-signing key is not base64.");
        }
        return key.Length >= LinkSigner.MinimumKeyBytes
            ? key
            : throw new FormatException($"The link-signing key must be at least {LinkSigner.MinimumKeyBytes} bytes; it has {key.Length}.");
    }

    /// <summary>
    /// Reads the key file, or creates it with <see cref="GeneratedKeyBytes"/> random bytes (base64,
    /// owner read/write only on Unix) when it does not exist. Two hosts starting together on one
    /// data folder end up with the same key: the file appears atomically and the loser reads it.
    /// </summary>
    /// <exception cref="FormatException">The file exists but does not hold a usable key (it is never overwritten).</exception>
    /// <exception cref="IOException">The folder or file cannot be written or read.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission on the folder or file.</exception>
    public static byte[] LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path)) return Read(path);

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
                writer.Write(Convert.ToBase64String(key));
            // The umask may have narrowed the mode further, never widened it; set it explicitly anyway.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                return Read(path);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The link-signing key file {path} is damaged ({ex.Message}). Restore it from a backup, or delete it to generate a new key (links already sent then stop working and must be reissued).", ex);
        }
    }
}
