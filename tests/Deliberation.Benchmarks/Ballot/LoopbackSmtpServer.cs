using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Deliberation.Benchmarks.Ballot;

/// <summary>
/// A real SMTP peer on a free loopback port: Debian's aiosmtpd under /usr/bin/python3, as in the host tests'
/// SmtpServer fixture. Each accepted message is written to the folder as one .eml file before the 250 reply, so once
/// a client sees success the file is there, and a line is printed, so that counting costs no directory listing.
/// <see cref="Pause"/> and <see cref="Resume"/> stop and continue the
/// process (SIGSTOP/SIGCONT): connections made meanwhile wait in the listen backlog for their greeting.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    // Stops when its stdin closes, so a run that dies never leaves it listening.
    private const string Script = """
        import os, sys, time, uuid
        from aiosmtpd.controller import Controller

        host, port, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(folder, f"{time.time_ns():020d}-{uuid.uuid4().hex}.eml")
                with open(name + ".tmp", "wb") as f:
                    f.write(envelope.original_content)
                os.replace(name + ".tmp", name)
                print("+", flush=True)
                return "250 Message accepted for delivery"

        controller = Controller(Handler(), hostname=host, port=port)
        controller.start()
        print("ready", flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _received;

    private LoopbackSmtpServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>Where the received messages are written, one .eml each.</summary>
    public string Folder { get; }

    /// <summary>Starts the server in <paramref name="workFolder"/> and waits until it accepts connections.</summary>
    public static async Task<LoopbackSmtpServer> StartAsync(string workFolder)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing; the ballot benchmark needs Debian's python3-aiosmtpd.");
        var folder = Path.Combine(workFolder, "smtp-messages");
        Directory.CreateDirectory(folder);
        var script = Path.Combine(workFolder, "smtp_server.py");
        await File.WriteAllTextAsync(script, Script);
        var port = FreePort();
        var info = new ProcessStartInfo(Python, ["-u", script, IPAddress.Loopback.ToString(), port.ToString(CultureInfo.InvariantCulture), folder])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workFolder,
        };
        var process = Process.Start(info)!;
        var server = new LoopbackSmtpServer(process, port, folder);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "+") Interlocked.Increment(ref server._received);
            else lock (server._output) server._output.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { lock (server._output) server._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The SMTP server exited with {process.ExitCode} (is python3-aiosmtpd installed?):\n{server.Output}");
            }
            if (await AcceptsConnectionsAsync(port)) return server;
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"The SMTP server did not accept connections within 30 s:\n{server.Output}");
    }

    /// <summary>How many messages were received so far.</summary>
    public int Count() => Volatile.Read(ref _received);

    /// <summary>The received message files, in order of arrival.</summary>
    public IReadOnlyList<string> Files() => Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).ToList();

    /// <summary>Stops the server process (SIGSTOP): it neither greets nor answers until <see cref="Resume"/>.</summary>
    public void Pause() => Signal("-STOP");

    /// <summary>Continues the server process (SIGCONT).</summary>
    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {_process.Id} failed with {kill.ExitCode}.");
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
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

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { Resume(); } catch (InvalidOperationException) { /* exited meanwhile */ }
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }
}
