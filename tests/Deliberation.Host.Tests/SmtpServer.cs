using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Deliberation.Host.Tests;

/// <summary>
/// A real SMTP peer for the tests: Debian's aiosmtpd under /usr/bin/python3 on a free loopback port.
/// Every accepted message is written to a folder (envelope as .json, content as .eml) for the test to
/// read back; recipients starting with <see cref="RejectedPrefix"/> are refused with a permanent 550.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> on the same port simulate an outage and its end.
/// Fails loudly when python3 or aiosmtpd is missing.
/// </summary>
public sealed class SmtpServer : IAsyncLifetime
{
    /// <summary>Recipients whose address starts with this are refused at RCPT with <see cref="RejectionReply"/>.</summary>
    public const string RejectedPrefix = "reject";

    /// <summary>The reply to a rejected recipient.</summary>
    public const string RejectionReply = "550 5.1.1 mailbox unavailable";

    private const string Python = "/usr/bin/python3";
    private const int MissingModuleExitCode = 3;

    // Stops when its stdin closes, so a test run that dies never leaves it listening.
    private const string Script = """
        import json, os, re, sys, time, uuid
        try:
            from aiosmtpd.controller import Controller
        except ImportError as error:
            print(error, file=sys.stderr)
            sys.exit(3)

        host, port, folder, prefix, reply = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]

        def write(path, data):
            with open(path + ".tmp", "wb") as f:
                f.write(data)
            os.replace(path + ".tmp", path)

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower().startswith(prefix):
                    return reply
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                # Written before the 250 reply: once the client sees success, the file is there.
                name = os.path.join(folder, f"{time.time_ns():020d}-{uuid.uuid4().hex}")
                envelope_json = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "peer": f"{session.peer[0]}:{session.peer[1]}"}
                write(name + ".json", json.dumps(envelope_json).encode("utf-8"))
                write(name + ".eml", envelope.original_content)
                return "250 Message accepted for delivery"

        controller = Controller(Handler(), hostname=host, port=port)
        controller.start()
        print("ready", flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deliberation-smtp-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>A message as the server received it.</summary>
    /// <param name="Peer">The client's address and port: messages sent over one connection share it.</param>
    public sealed record ReceivedMessage(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message, string Peer);

    /// <summary>The loopback port, the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    private string MessagesFolder => Path.Combine(_folder, "messages");

    /// <inheritdoc/>
    public Task InitializeAsync() => StartAsync();

    /// <summary>
    /// Starts the server (on a new free port the first time, on the same port after a stop) and waits
    /// until it accepts connections; does nothing when it runs already.
    /// </summary>
    public async Task StartAsync()
    {
        if (_process is not null) return;
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing; the email tests need Debian's Python with aiosmtpd. Run ./test.sh, which installs python3-aiosmtpd.");
        Directory.CreateDirectory(MessagesFolder);
        var script = Path.Combine(_folder, "smtp_server.py");
        if (!File.Exists(script)) await File.WriteAllTextAsync(script, Script);
        if (Port == 0) Port = FreePort();
        lock (_output) _output.Clear();

        var info = new ProcessStartInfo(Python, ["-u", script, IPAddress.Loopback.ToString(), Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MessagesFolder, RejectedPrefix, RejectionReply])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        var process = Process.Start(info)!;
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // flushes the output handlers
                var exitCode = process.ExitCode;
                _process = null;
                process.Dispose();
                if (exitCode == MissingModuleExitCode)
                    throw new InvalidOperationException($"{Python} has no aiosmtpd module; the email tests need it. Run ./test.sh, which installs python3-aiosmtpd.\n{Output}");
                throw new InvalidOperationException($"The SMTP server exited with {exitCode}:\n{Output}");
            }
            if (await AcceptsConnectionsAsync()) return;
            await Task.Delay(100);
        }
        await StopAsync();
        throw new TimeoutException($"The SMTP server did not accept connections on port {Port} within 30 s:\n{Output}");
    }

    /// <summary>Stops the server; connections to <see cref="Port"/> are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
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

    /// <summary>Every message received so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedMessage> ReadMessages()
    {
        if (!Directory.Exists(MessagesFolder)) return [];
        var messages = new List<ReceivedMessage>();
        foreach (var eml in Directory.GetFiles(MessagesFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            using var envelope = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(eml, ".json")));
            var from = envelope.RootElement.GetProperty("mailFrom").GetString() ?? "";
            var to = envelope.RootElement.GetProperty("rcptTos").EnumerateArray().Select(r => r.GetString() ?? "").ToList();
            var peer = envelope.RootElement.TryGetProperty("peer", out var p) ? p.GetString() ?? "" : "";
            messages.Add(new ReceivedMessage(from, to, MimeMessage.Load(eml), peer));
        }
        return messages;
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
