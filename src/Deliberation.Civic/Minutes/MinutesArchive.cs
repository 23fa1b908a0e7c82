using Deliberation.Civic.Data;
using Deliberation.Engine.Runtime;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// Files rendered minutes in the archive (<see cref="IFileStore"/>) under <c>{communityCode}/{year}/{caseNumber}/</c> as
/// <c>minutes.{culture}.md</c> and <c>minutes.{culture}.docx</c>, the year being the meeting's year on Beijing's clock.
/// The store writes both files whole or leaves the earlier ones. Filing again replaces the files: a re-run step files the
/// same minutes, and corrected minutes get a new record with the new hashes. Reading checks the recorded hash.
/// </summary>
public sealed partial class MinutesArchive(IFileStore store)
{
    /// <summary>The languages minutes are filed in.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["zh-CN", "en"];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

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
        var folder = $"{communityCode}/{year}/{caseNumber}";
        var text = Utf8NoBom.GetBytes(markdown);
        var docx = MinutesDocx.FromMarkdown(markdown);
        var stem = round == 1 ? "minutes" : $"minutes-{round}";
        var textPath = $"{folder}/{stem}.{culture}.md";
        var docxPath = $"{folder}/{stem}.{culture}.docx";
        await store.WriteAsync([new StoredFile(textPath, text), new StoredFile(docxPath, docx)], cancellationToken);
        return new ArchivedMinutes(folder, culture, Describe(textPath, text), Describe(docxPath, docx), docx);
    }

    /// <summary>
    /// Files the sealed minutes' PDF beside the Markdown and .docx of the same meeting (<c>minutes[-{round}].zh-CN.pdf</c>)
    /// and returns its path and SHA-256. A sealed record is filed once; filing again (a re-run step) replaces the file.
    /// </summary>
    /// <exception cref="ArgumentException">The community code or case number is not a safe folder name.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task<ArchivedMinutesFile> FilePdfAsync(string communityCode, string caseNumber, DateTimeOffset heldAt, int round, byte[] pdf,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        ArgumentNullException.ThrowIfNull(pdf);
        RequireSafeName(communityCode, nameof(communityCode));
        RequireSafeName(caseNumber, nameof(caseNumber));
        var year = BeijingTime.ToBeijing(heldAt).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = $"{communityCode}/{year}/{caseNumber}/{(round == 1 ? "minutes" : $"minutes-{round}")}.zh-CN.pdf";
        await store.WriteAsync([new StoredFile(path, pdf)], cancellationToken);
        return Describe(path, pdf);
    }

    /// <summary>
    /// A filed file's bytes, by the path and SHA-256 its record holds.
    /// </summary>
    /// <exception cref="WorkflowException">
    /// The path is not one of the archive (409, <c>minutes-altered</c>), the file is missing (404, <c>minutes-file-missing</c>),
    /// or its bytes are not those filed (409, <c>minutes-altered</c>).
    /// </exception>
    public async Task<byte[]> ReadAsync(string path, string sha256, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await store.ReadAsync(path, cancellationToken);
        }
        catch (ArgumentException)
        {
            throw new WorkflowException(WorkflowErrorKind.Conflict, "minutes-altered", "The recorded path leads outside the archive; nothing was served.");
        }
        if (bytes is null) throw new WorkflowException(WorkflowErrorKind.NotFound, "minutes-file-missing", "The minutes file is not in the archive.");
        return string.Equals(Sha256Hex(bytes), sha256, StringComparison.OrdinalIgnoreCase)
            ? bytes
            : throw new WorkflowException(WorkflowErrorKind.Conflict, "minutes-altered", "The file's SHA-256 is not the one recorded when the minutes were filed; nothing was served.");
    }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ArchivedMinutesFile Describe(string path, byte[] bytes) => new(path, Sha256Hex(bytes), bytes.LongLength);

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
