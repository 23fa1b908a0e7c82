using System.Security.Cryptography;
using Deliberation.Civic.Replies;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Deliberation.Integrations.Mail;

/// <summary>
/// Reads the replies mailbox with MailKit: each message in <see cref="ImapOptions.Folder"/> goes to the
/// <see cref="ReplyProcessor"/>, then is marked seen and moved to <see cref="ImapOptions.ProcessedFolder"/>. The processor
/// keeps each Message-ID once, in the transaction of what the reply changed, so a message read again — the host died
/// before moving it, or a second host read it too — changes nothing; a message whose processing failed (the database is
/// down) stays where it is and is read next round. Logs ids and outcomes only, never addresses or text.
/// </summary>
public sealed class ImapReplyReader(ImapOptions options, ReplyProcessor processor, ILogger<ImapReplyReader> logger)
{
    /// <summary>The most messages one round reads; the rest wait for the next.</summary>
    public const int BatchSize = 50;

    /// <summary>Reads the waiting replies, at most <see cref="BatchSize"/>; returns how many were read.</summary>
    /// <exception cref="InvalidOperationException">No mailbox is configured.</exception>
    /// <exception cref="IOException">The server could not be reached or dropped the connection (as do MailKit's protocol and command exceptions).</exception>
    public async Task<int> ReadAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled) throw new InvalidOperationException($"{ImapOptions.SectionName}:Host is not set; no replies mailbox is read.");
        using var client = new ImapClient();
        await client.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, true), cancellationToken);
        await client.AuthenticateAsync(options.User, options.Password, cancellationToken);
        var folder = await client.GetFolderAsync(options.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var waiting = await folder.SearchAsync(SearchQuery.NotDeleted, cancellationToken);
        if (waiting.Count == 0)
        {
            await client.DisconnectAsync(true, cancellationToken);
            return 0;
        }
        var processed = await ProcessedFolderAsync(client, cancellationToken);
        var read = 0;
        foreach (var uid in waiting.Take(BatchSize))
        {
            var message = await folder.GetMessageAsync(uid, cancellationToken);
            var reply = await IncomingAsync(message, cancellationToken);
            var result = await processor.ProcessAsync(reply, cancellationToken);
            logger.LogInformation("Reply {Uid} of the replies mailbox: {Outcome} (task {TaskId}).", uid.Id, result.Outcome, result.TaskId);
            await folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
            await folder.MoveToAsync(uid, processed, cancellationToken);
            read++;
        }
        await client.DisconnectAsync(true, cancellationToken);
        return read;
    }

    private async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(options.ProcessedFolder, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(options.ProcessedFolder, true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP server did not create the folder {options.ProcessedFolder}.");
        }
    }

    /// <summary>What the processor reads of a message.</summary>
    public static async Task<IncomingReply> IncomingAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.MessageId?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > IncomingReply.MaxMessageIdLength)
        {
            using var raw = new MemoryStream();
            await message.WriteToAsync(raw, cancellationToken);
            id = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw.ToArray()));
        }
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(new[] { "Delivered-To", "X-Original-To", "Envelope-To" }.SelectMany(h => message.Headers.Where(x => x.Field.Equals(h, StringComparison.OrdinalIgnoreCase)))
                .Select(h => h.Value.Trim().Trim('<', '>')))
            .ToList();
        var text = message.TextBody ?? (message.HtmlBody is { } html ? TextOf(html) : null);
        return new IncomingReply(id, recipients, message.Subject, text, IsAutomatic(message));
    }

    /// <summary>The text of an HTML-only reply: line breaks kept, tags dropped, entities decoded.</summary>
    private static string TextOf(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, @"<(script|style)[^>]*>.*?</\1>", "", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"<\s*(br|/p|/div|/li|/tr|/blockquote)\b[^>]*>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        // A quoted original in HTML is a blockquote: mark its lines as quoted so that they are not read as the answer.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"<\s*blockquote\b[^>]*>", "\n> ", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", "");
        return System.Net.WebUtility.HtmlDecode(text);
    }

    /// <summary>An auto-reply, a bounce or a list's message (RFC 3834 and the headers vacation responders set).</summary>
    private static bool IsAutomatic(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (headers[HeaderId.Precedence] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply") return true;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains(HeaderId.ListId)) return true;
        if (message.Body is MultipartReport) return true;
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        return from.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || from.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase);
    }
}
