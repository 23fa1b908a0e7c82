using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;

namespace Deliberation.Host.Tests;

/// <summary>
/// A real IMAP server for the tests: Debian's dovecot (dovecot-imapd), started by the fixture in the foreground
/// (<c>dovecot -c config -F</c>) on a free loopback port with its own config, run and state folders, one passwd-file user
/// and a maildir in a temp folder — no system service, nothing outside the folder. Run as root, dovecot's own users
/// (dovecot, dovenull) own its processes and the mail, as dovecot insists; otherwise the current user does. Stopped on
/// dispose. Tests deliver replies by APPENDing them to the INBOX. Fails loudly when dovecot is missing.
/// </summary>
public sealed class ImapServer : IAsyncLifetime
{
    /// <summary>The mailbox's user.</summary>
    public const string User = "reply";

    /// <summary>The mailbox's password.</summary>
    public const string Password = "reply-secret";

    private const string Dovecot = "/usr/sbin/dovecot";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deliberation-imap-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The loopback port.</summary>
    public int Port { get; private set; }

    /// <summary>The settings that point a host at this mailbox, with <paramref name="replyAddress"/> as its address.</summary>
    public Dictionary<string, string?> HostSettings(string replyAddress) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Deliberation:Imap:Host"] = "127.0.0.1",
        ["Deliberation:Imap:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Deliberation:Imap:Security"] = "None",
        ["Deliberation:Imap:User"] = User,
        ["Deliberation:Imap:Password"] = Password,
        ["Deliberation:Imap:ReplyAddress"] = replyAddress,
    };

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (!File.Exists(Dovecot))
            throw new InvalidOperationException($"{Dovecot} is missing; the reply tests need Debian's dovecot IMAP server. Run ./test.sh, which installs dovecot-imapd.");
        foreach (var sub in new[] { "run", "state", "mail", "home" }) Directory.CreateDirectory(Path.Combine(_folder, sub));
        Port = FreePort();
        var root = Environment.UserName == "root";
        var (mailUid, mailGid) = root ? Ids("dovecot") : (await IdAsync("-u"), await IdAsync("-g"));
        var user = Environment.UserName;
        var group = root ? "dovecot" : await IdAsync("-gn");
        if (root && !OperatingSystem.IsWindows())
        {
            // The mail belongs to dovecot's user, who must be able to write under the test's folder.
            foreach (var sub in new[] { "mail", "home" })
                File.SetUnixFileMode(Path.Combine(_folder, sub), (UnixFileMode)Convert.ToInt32("777", 8));
        }
        await File.WriteAllTextAsync(Path.Combine(_folder, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        var config = Path.Combine(_folder, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{_folder}}/run
            state_dir = {{_folder}}/state
            log_path = /dev/stderr
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{(root ? "dovecot" : user)}}
            default_internal_group = {{group}}
            default_login_user = {{(root ? "dovenull" : user)}}
            first_valid_uid = 0
            mail_location = maildir:{{_folder}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{mailUid}} gid={{mailGid}} home={{_folder}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            """);

        var info = new ProcessStartInfo(Dovecot, ["-c", config, "-F"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder,
        };
        var process = Process.Start(info)!;
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                _process = null;
                throw new InvalidOperationException($"dovecot exited with {process.ExitCode}:\n{Output}");
            }
            if (await LogsInAsync()) return;
            await Task.Delay(100);
        }
        await DisposeAsync();
        throw new TimeoutException($"dovecot did not take a login on port {Port} within {StartLimit}:\n{Output}");
    }

    /// <summary>A reply as a mail client writes it: the words on top, the original quoted under 写道 (when <paramref name="quote"/>).</summary>
    /// <param name="question">The email replied to.</param>
    /// <param name="from">The sender.</param>
    /// <param name="to">The address replied to.</param>
    /// <param name="words">What the person writes.</param>
    /// <param name="quote">Whether the original is quoted under the words.</param>
    public static MimeMessage Reply(MimeMessage question, string from, string to, string words, bool quote)
    {
        ArgumentNullException.ThrowIfNull(question);
        var reply = new MimeMessage { Subject = "回复：" + question.Subject, MessageId = MimeUtils.GenerateMessageId("resident.test"), Date = DateTimeOffset.UtcNow };
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.Add(MailboxAddress.Parse(to));
        reply.InReplyTo = question.MessageId;
        var body = new StringBuilder(words).Append("\n\n发自我的手机\n\n");
        if (quote)
        {
            body.Append(CultureInfo.InvariantCulture, $"在 2026年11月23日 09:00，社区议事 <deliberation@localhost> 写道：\n");
            foreach (var line in (question.TextBody ?? "").Split('\n')) body.Append("> ").Append(line).Append('\n');
        }
        reply.Body = new TextPart("plain") { Text = body.ToString() };
        return reply;
    }

    /// <summary>Delivers a message to the INBOX, as the mail server does when a reply arrives.</summary>
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(new AppendRequest(message), CancellationToken.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages each folder holds: the INBOX (waiting) and <paramref name="processed"/> (read).</summary>
    public async Task<(int Waiting, int Processed)> CountAsync(string processed = "Processed")
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var waiting = client.Inbox.Count;
        int done;
        try
        {
            var folder = await client.GetFolderAsync(processed);
            await folder.OpenAsync(FolderAccess.ReadOnly);
            done = folder.Count;
        }
        catch (FolderNotFoundException)
        {
            done = 0;
        }
        await client.DisconnectAsync(true);
        return (waiting, done);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            try
            {
                if (!process.HasExited)
                {
                    // SIGTERM: dovecot's master stops its children; killed outright they would linger.
                    using (var kill = Process.Start("/bin/kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    try { await process.WaitForExitAsync(timeout.Token); }
                    catch (OperationCanceledException)
                    {
                        process.Kill(entireProcessTree: true);
                        await process.WaitForExitAsync();
                    }
                }
            }
            finally
            {
                process.Dispose();
            }
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ } catch (UnauthorizedAccessException) { /* best effort */ }
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    private async Task<bool> LogsInAsync()
    {
        try
        {
            using var client = await ConnectAsync();
            await client.DisconnectAsync(true);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or ImapProtocolException or AuthenticationException or TimeoutException)
        {
            return false;
        }
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>A system user's uid and gid, from /etc/passwd.</summary>
    private static (string Uid, string Gid) Ids(string name)
    {
        var line = File.ReadLines("/etc/passwd").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The system has no user {name}; dovecot-imapd's package creates it. Run ./test.sh.");
        var fields = line.Split(':');
        return (fields[2], fields[3]);
    }

    private static async Task<string> IdAsync(string option)
    {
        using var id = Process.Start(new ProcessStartInfo("/usr/bin/id", [option]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = await id.StandardOutput.ReadToEndAsync();
        await id.WaitForExitAsync();
        return text.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
