using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Deliberation.Testing;

/// <summary>
/// The real host as a separate process (the built Deliberation.Host.dll), on a free loopback port, with its
/// output kept for failure messages. Used where a test needs what an in-process host cannot give: a kill and a
/// restart, or a browser.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's process id (the <c>dotnet</c> process runs the host itself), for reading its memory.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the host wrote to standard output and error so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the host on <paramref name="dataPath"/> and waits until <c>/health</c> answers 200.</summary>
    /// <param name="dataPath">The host's data folder (SQLite database, pickup folder, archive).</param>
    /// <param name="settings">Configuration, keyed as in appsettings (<c>Deliberation:Auth:AdminEmail</c>).</param>
    /// <param name="healthPoll">How often to ask <c>/health</c> (default 200 ms; the benchmarks time start-up with a shorter one).</param>
    public static async Task<HostProcess> StartAsync(string dataPath, IEnumerable<KeyValuePair<string, string>> settings, TimeSpan? healthPoll = null)
    {
        if (!File.Exists(TestPaths.HostAssembly)) throw new FileNotFoundException("The host is not built.", TestPaths.HostAssembly);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet", [TestPaths.HostAssembly, "--urls", address.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(TestPaths.HostAssembly)!,
        };
        info.Environment["DELIBERATION_ROOT"] = TestPaths.RepositoryRoot;
        info.Environment["Deliberation__DataPath"] = dataPath;
        info.Environment["Deliberation__PublicBaseUrl"] = address.ToString().TrimEnd('/');
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info)!;
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, e) => { lock (host._output) host._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (host._output) host._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(90), healthPoll ?? TimeSpan.FromMilliseconds(200));
        return host;
    }

    public HttpClient CreateAnonymousClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Whether the process has ended (killed, crashed or stopped).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits until the process ends by itself (e.g. at an armed crash point); false when it still runs after <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private async Task WaitHealthyAsync(TimeSpan limit, TimeSpan poll)
    {
        using var client = CreateAnonymousClient();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(poll);
        }
        throw new TimeoutException($"The host did not become healthy within {limit}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
