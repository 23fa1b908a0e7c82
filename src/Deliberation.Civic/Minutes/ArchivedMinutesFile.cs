namespace Deliberation.Civic.Minutes;

/// <summary>One file of filed minutes.</summary>
/// <param name="Path">The file's path in the archive (<c>/</c>-separated).</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hex: kept in the record so that a later change to the file shows.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record ArchivedMinutesFile(string Path, string Sha256, long Length);
