using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace Deliberation.Integrations.Mail;

/// <summary>
/// Reads the pickup folder that <see cref="EmailDeliverer"/> writes .eml files to when no SMTP server is
/// configured, for the development mailbox. A file name that comes from a URL only ever opens a file
/// the folder's own listing holds under exactly that name, so no name reaches outside the folder.
/// </summary>
/// <param name="folder">The absolute pickup folder; it may not exist yet (nothing was sent).</param>
public sealed partial class PickupMailbox(string folder)
{
    /// <summary>The most messages a listing reads (the newest); older files stay in the folder.</summary>
    public const int MaxListed = 500;

    /// <summary>The pickup folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>Lists the newest messages, newest first.</summary>
    /// <exception cref="IOException">The folder cannot be read.</exception>
    public async Task<PickupListing> ListAsync(CancellationToken cancellationToken)
    {
        // The deliverer names files yyyyMMddHHmmss-{time-ordered id}.eml, so the name orders them by creation.
        var names = FileNames().OrderDescending(StringComparer.Ordinal).ToList();
        var entries = new List<PickupEntry>(Math.Min(names.Count, MaxListed));
        foreach (var name in names.Take(MaxListed))
        {
            var path = Path.Combine(Folder, name);
            try
            {
                var message = await MimeMessage.LoadAsync(path, cancellationToken);
                var date = message.Date == DateTimeOffset.MinValue ? File.GetLastWriteTimeUtc(path) : message.Date;
                entries.Add(new PickupEntry(name, date, Recipients(message.To), message.Subject ?? ""));
            }
            catch (FileNotFoundException)
            {
                // Deleted since the listing: it is simply no longer there.
            }
            catch (FormatException)
            {
                entries.Add(new PickupEntry(name, File.GetLastWriteTimeUtc(path), "", null));
            }
        }
        var ordered = entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.FileName, StringComparer.Ordinal).ToList();
        return new PickupListing(ordered, names.Count);
    }

    /// <summary>
    /// The full path of a message file, when <paramref name="fileName"/> is the plain name (no folder, ending
    /// in <c>.eml</c>) of a file the folder holds; otherwise false.
    /// </summary>
    public bool TryResolve(string? fileName, out string path)
    {
        path = "";
        if (fileName is null || !SafeName().IsMatch(fileName)) return false;
        // Compared with the folder's listing rather than trusted to Path.Combine: only existing names, exactly as written.
        if (!FileNames().Contains(fileName, StringComparer.Ordinal)) return false;
        path = Path.Combine(Folder, fileName);
        return true;
    }

    /// <summary>Loads a message by file name; null when there is no such message (see <see cref="TryResolve"/>) or it cannot be parsed.</summary>
    public async Task<MimeMessage?> LoadAsync(string? fileName, CancellationToken cancellationToken)
    {
        if (!TryResolve(fileName, out var path)) return null;
        try
        {
            return await MimeMessage.LoadAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The message's attachments, in order.</summary>
    public static IReadOnlyList<PickupAttachment> AttachmentsOf(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Attachments.Select((entity, index) => Describe(entity, index)).ToList();
    }

    /// <summary>The decoded content of an attachment; null when there is none at that index.</summary>
    public static async Task<(PickupAttachment Attachment, byte[] Content)?> ReadAttachmentAsync(MimeMessage message, int index,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (index < 0 || message.Attachments.Skip(index).FirstOrDefault() is not { } entity) return null;
        using var content = new MemoryStream();
        switch (entity)
        {
            case MessagePart { Message: not null } forwarded:
                await forwarded.Message.WriteToAsync(content, cancellationToken);
                break;
            case MimePart part when part.Content is not null:
                await part.Content.DecodeToAsync(content, cancellationToken);
                break;
        }
        return (Describe(entity, index), content.ToArray());
    }

    private static PickupAttachment Describe(MimeEntity entity, int index)
    {
        var name = entity.ContentDisposition?.FileName ?? entity.ContentType.Name;
        if (string.IsNullOrWhiteSpace(name))
            name = string.Create(CultureInfo.InvariantCulture, $"attachment-{index + 1}{(entity is MessagePart ? ".eml" : "")}");
        return new PickupAttachment(index, Path.GetFileName(name), entity.ContentType.MimeType);
    }

    private static string Recipients(InternetAddressList list) =>
        string.Join(", ", list.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));

    private IEnumerable<string> FileNames() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.eml", SearchOption.TopDirectoryOnly).Select(f => Path.GetFileName(f)).Where(n => SafeName().IsMatch(n))
            : [];

    // What the deliverer writes (digits, hex, a dash), with some room for files a developer drops in.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,200}\.eml$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
