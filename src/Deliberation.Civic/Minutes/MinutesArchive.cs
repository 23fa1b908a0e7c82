using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// Files rendered minutes under <c>{archiveRoot}/{communityCode}/{year}/{caseNumber}/</c> as
/// <c>minutes.{culture}.md</c> and <c>minutes.{culture}.docx</c>, the year being the meeting's year on
/// Beijing's clock. Each file is written to a temporary file in the same folder and then moved into
/// place, so a reader never sees half a file. Filing again replaces the files: a re-run job files the
/// same minutes, and corrected minutes get a new record with the new hashes.
/// </summary>
public sealed partial class MinutesArchive
{
    /// <summary>The languages minutes are filed in.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["zh-CN", "en"];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _root;

    /// <summary>The archive's root folder (absolute).</summary>
    public string Root => _root;

    /// <summary>Creates the archive over a root folder (created when first filing).</summary>
    /// <exception cref="ArgumentException"><paramref name="archiveRoot"/> is blank.</exception>
    public MinutesArchive(string archiveRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archiveRoot);
        _root = Path.GetFullPath(archiveRoot);
    }

    /// <summary>Writes the Markdown and its .docx (<see cref="MinutesDocx"/>) and returns their paths and hashes.</summary>
    /// <param name="communityCode">The community's code, e.g. <c>DALONG</c>.</param>
    /// <param name="caseNumber">The case number, e.g. <c>DALONG-2026-003</c>.</param>
    /// <param name="heldAt">When the meeting was held; gives the year folder (Beijing time).</param>
    /// <param name="culture">One of <see cref="Cultures"/>.</param>
    /// <param name="markdown">The rendered minutes.</param>
    /// <param name="cancellationToken">Cancels before the files are moved into place.</param>
    /// <exception cref="ArgumentException">
    /// The community code or case number is not a safe folder name (letters, digits, '-' and '_', starting with a
    /// letter or digit, at most 64 characters: no path separators, no ".."), or the culture is not one of <see cref="Cultures"/>.
    /// </exception>
    /// <exception cref="IOException">The files could not be written.</exception>
    public Task<ArchivedMinutes> FileAsync(
        string communityCode, string caseNumber, DateTimeOffset heldAt, string culture, string markdown, CancellationToken cancellationToken) =>
        FileAsync(communityCode, caseNumber, heldAt, culture, markdown, 1, cancellationToken);

    /// <summary>
    /// Files the minutes of a case's <paramref name="round"/>-th meeting: <c>minutes.{culture}</c> for the first,
    /// <c>minutes-{round}.{culture}</c> for later ones, so that no meeting's minutes replace another's.
    /// </summary>
    /// <param name="communityCode">The community's code, e.g. <c>DALONG</c>.</param>
    /// <param name="caseNumber">The case number, e.g. <c>DALONG-2026-003</c>.</param>
    /// <param name="heldAt">When the meeting was held; gives the year folder (Beijing time).</param>
    /// <param name="culture">One of <see cref="Cultures"/>.</param>
    /// <param name="markdown">The rendered minutes.</param>
    /// <param name="round">Which meeting of the case, from 1.</param>
    /// <param name="cancellationToken">Cancels before the files are moved into place.</param>
    public async Task<ArchivedMinutes> FileAsync(
        string communityCode, string caseNumber, DateTimeOffset heldAt, string culture, string markdown, int round, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        RequireSafeName(communityCode, nameof(communityCode));
        RequireSafeName(caseNumber, nameof(caseNumber));
        ArgumentNullException.ThrowIfNull(markdown);
        if (culture is null || !Cultures.Contains(culture, StringComparer.Ordinal))
            throw new ArgumentException($"Culture '{culture}' is not one of {string.Join(", ", Cultures)}.", nameof(culture));

        var year = BeijingTime.ToBeijing(heldAt).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.Combine(_root, communityCode, year, caseNumber);
        Directory.CreateDirectory(folder);

        var text = Utf8NoBom.GetBytes(markdown);
        var docx = MinutesDocx.FromMarkdown(markdown);
        var stem = round == 1 ? "minutes" : $"minutes-{round}";
        var textPath = Path.Combine(folder, $"{stem}.{culture}.md");
        var docxPath = Path.Combine(folder, $"{stem}.{culture}.docx");

        // Both temporary files first, then both moves: a failure while writing leaves the earlier filing whole.
        var textTemp = await WriteTempAsync(folder, text, cancellationToken);
        string? docxTemp = null;
        try
        {
            docxTemp = await WriteTempAsync(folder, docx, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(textTemp, textPath, overwrite: true);
            File.Move(docxTemp, docxPath, overwrite: true);
        }
        finally
        {
            File.Delete(textTemp);
            if (docxTemp is not null) File.Delete(docxTemp);
        }

        return new ArchivedMinutes(folder, culture, Describe(textPath, text), Describe(docxPath, docx));
    }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ArchivedMinutesFile Describe(string path, byte[] bytes) => new(path, Sha256Hex(bytes), bytes.LongLength);

    private static async Task<string> WriteTempAsync(string folder, byte[] bytes, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(folder, $".minutes-{Guid.NewGuid():N}.tmp");
        try
        {
            await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await stream.WriteAsync(bytes, cancellationToken);
            // On disk before the move, so that a crash cannot leave a renamed but empty file.
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return temp;
    }

    private static void RequireSafeName(string value, string parameter)
    {
        if (value is null || !SafeName().IsMatch(value))
            throw new ArgumentException(
                $"'{value}' is not a safe folder name: letters, digits, '-' and '_' only, starting with a letter or digit, at most 64 characters.",
                parameter);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
