using System.Security.Cryptography;

namespace Deliberation.Integrations.Files;

/// <summary>
/// A secret key kept in a file of the data folder (the link-signing key): read it, or create it with random bytes on the
/// first start, readable by its owner only.
/// </summary>
public static class SecretKeyFile
{
    /// <summary>
    /// Reads the key file through <paramref name="parse"/>, or creates it with <paramref name="bytes"/> random bytes
    /// (base64, owner read/write only on Unix) when it does not exist or is empty. Every caller opens the file
    /// exclusively (create-or-open, then read or write under that lock), so two hosts starting together on one data
    /// folder end up with the same key: one writes it, the other waits and reads it.
    /// </summary>
    /// <exception cref="FormatException">The file holds something that is not a usable key (it is never overwritten).</exception>
    /// <exception cref="IOException">The folder or file cannot be written or read, or stays locked for 10 seconds.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission on the folder or file.</exception>
    public static byte[] LoadOrCreate(string path, int bytes, Func<string, byte[]> parse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(parse);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var file = OpenExclusive(path);
        if (file.Length == 0)
        {
            var key = RandomNumberGenerator.GetBytes(bytes);
            // The umask may have narrowed the mode further, never widened it; set it explicitly anyway.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            file.Flush(flushToDisk: true);
            return key;
        }
        using var reader = new StreamReader(file, leaveOpen: true);
        var text = reader.ReadToEnd();
        try
        {
            return parse(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The key file {path} is damaged ({ex.Message}). Restore it from a backup, or delete it to generate a new key (links already sent then stop working and must be reissued).", ex);
        }
    }

    /// <summary>
    /// Reads the key file through <paramref name="parse"/>, or returns null when it does not exist or is empty; never
    /// creates it. A host whose keys live in its database reads a key file a single-host install left, to take its key over.
    /// </summary>
    /// <exception cref="FormatException">The file holds something that is not a usable key.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission on the file.</exception>
    public static byte[]? TryLoad(string path, Func<string, byte[]> parse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(parse);
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        if (text.Length == 0) return null;
        try
        {
            return parse(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The key file {path} is damaged ({ex.Message}). Restore it from a backup, or delete it to generate a new key (links already sent then stop working and must be reissued).", ex);
        }
    }

    /// <summary>Creates or opens the file with an exclusive lock, waiting while another process or thread holds it.</summary>
    private static FileStream OpenExclusive(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(10) && File.Exists(path))
            {
                // Held by another starting host (or thread): it is writing or reading the key; it lets go in a moment.
                Thread.Sleep(10);
            }
        }
    }
}
