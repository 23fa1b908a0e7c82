using System.Net.Sockets;
using System.Text.Json;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Storage;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Deliberation.Integrations.Mail;

/// <summary>
/// Delivers outbox emails with MailKit, or writes them as .eml files to the pickup folder when no
/// SMTP server is configured. The Message-ID derives from the outbox id, so a resend after a crash
/// is recognisably the same message. One SMTP connection serves a whole outbox batch (closed by
/// <see cref="EndBatchAsync"/>), over a socket with Nagle's algorithm off: MailKit writes a message's
/// end-of-data line on its own, which Nagle holds back until the server's delayed ACK (40 ms on Linux),
/// so that without it one connection sends about 20 messages a second however fast the server is.
/// </summary>
public sealed class EmailDeliverer(MailOptions options, string pickupFolder) : IBatchedOutboxDeliverer, IDisposable
{
    // One connection at a time: the outbox delivers its batch message after message.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    /// <inheritdoc/>
    public string Kind => EmailMessage.OutboxKind;

    /// <summary>Builds the MIME message of an outbox email.</summary>
    public MimeMessage Compose(OutboxMessage outbox)
    {
        var email = JsonSerializer.Deserialize<EmailMessage>(outbox.Payload, DefinitionJson.Options)
            ?? throw new OutboxDeliveryException("The outbox payload is empty.", permanent: true);
        var message = new MimeMessage { Subject = email.Subject, MessageId = $"{outbox.Id:N}@{options.MessageIdDomain}", Date = outbox.CreatedAt };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        foreach (var to in email.To)
        {
            if (!MailboxAddress.TryParse(to, out var address))
                throw new OutboxDeliveryException($"'{to}' is not an email address.", permanent: true);
            message.To.Add(address);
        }
        if (email.ReplyTo is { } replyTo && MailboxAddress.TryParse(replyTo, out var replyAddress)) message.ReplyTo.Add(replyAddress);
        if (!string.IsNullOrWhiteSpace(email.InReplyTo))
        {
            message.InReplyTo = email.InReplyTo;
            message.References.Add(email.InReplyTo);
            // RFC 3834: an automatic answer, which auto-responders must not answer back.
            message.Headers.Add("Auto-Submitted", "auto-replied");
        }
        var body = new BodyBuilder { TextBody = email.Body, HtmlBody = email.HtmlOrFromText() };
        foreach (var attachment in email.Attachments ?? [])
            body.Attachments.Add(attachment.FileName, DecodeContent(attachment), ParseContentType(attachment));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static byte[] DecodeContent(EmailAttachment attachment)
    {
        try
        {
            return Convert.FromBase64String(attachment.ContentBase64);
        }
        catch (FormatException ex)
        {
            throw new OutboxDeliveryException($"The attachment '{attachment.FileName}' is not valid base64.", permanent: true, ex);
        }
    }

    // A calendar attachment is an invitation: without method=REQUEST Outlook shows it as a plain
    // file instead of offering to accept it; without a charset Chinese text may be misread.
    private static ContentType ParseContentType(EmailAttachment attachment)
    {
        if (!ContentType.TryParse(attachment.ContentType, out var contentType))
            throw new OutboxDeliveryException($"The attachment '{attachment.FileName}' has an invalid content type '{attachment.ContentType}'.", permanent: true);
        if (contentType.IsMimeType("text", "calendar"))
        {
            if (!contentType.Parameters.Contains("method")) contentType.Parameters.Add("method", "REQUEST");
            contentType.Charset ??= "utf-8";
        }
        return contentType;
    }

    /// <inheritdoc/>
    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mime = Compose(message);
        if (!options.UsesSmtp)
        {
            Directory.CreateDirectory(pickupFolder);
            var path = Path.Combine(pickupFolder, $"{message.CreatedAt:yyyyMMddHHmmss}-{message.Id:N}.eml");
            var temp = path + ".tmp";
            await mime.WriteToAsync(temp, cancellationToken);
            File.Move(temp, path, overwrite: true);
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reused = _client is not null;
            try
            {
                await SendAsync(mime, cancellationToken);
            }
            catch (Exception ex) when (reused && ex is SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException)
            {
                // The server may have dropped a connection kept from an earlier message: one more try on a new connection.
                Drop();
                await SendAsync(mime, cancellationToken);
            }
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            Drop();
            throw new OutboxDeliveryException($"The SMTP server refused the message ({(int)ex.StatusCode}): {ex.Message}", permanent: true, ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException
                                       or ServiceNotConnectedException or TimeoutException or SslHandshakeException or AuthenticationException)
        {
            Drop();
            throw new OutboxDeliveryException($"SMTP is unavailable: {ex.Message}", permanent: false, ex);
        }
        catch
        {
            Drop();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends over the batch's connection, opening it first when there is none.</summary>
    private async Task SendAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        if (_client is not { IsConnected: true })
        {
            Drop();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var client = new SmtpClient();
            try
            {
                await socket.ConnectAsync(options.SmtpHost, options.SmtpPort, cancellationToken);
                await client.ConnectAsync(socket, options.SmtpHost, options.SmtpPort, Enum.Parse<SecureSocketOptions>(options.SmtpSecurity, true), cancellationToken);
                if (!string.IsNullOrEmpty(options.SmtpUser)) await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword, cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or SslHandshakeException or AuthenticationException
                                           or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
            {
                // Nothing was sent: the server is down, unreachable or refuses this host (a wrong password refuses every
                // message alike), which is no fault of the message, so it costs it no attempt.
                client.Dispose();
                socket.Dispose();
                throw new OutboxDeliveryException($"SMTP is unavailable: {ex.Message}", permanent: false, ex) { ServerUnavailable = true };
            }
            catch
            {
                client.Dispose();
                socket.Dispose();
                throw;
            }
            _client = client;
        }
        await _client.SendAsync(mime, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task EndBatchAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_client is { IsConnected: true } client)
            {
                try { await client.DisconnectAsync(true, cancellationToken); }
                catch (Exception ex) when (ex is SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException or SmtpCommandException)
                {
                    // The server went away first; the messages were delivered or recorded as failed already.
                }
            }
            Drop();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the connection (after a failure its state is unknown: the next message opens a new one).</summary>
    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Drop();
        _gate.Dispose();
    }
}
