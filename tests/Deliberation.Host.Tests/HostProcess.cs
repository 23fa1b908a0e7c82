using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Deliberation.Host.Tests;

/// <summary>The real host as a separate process, on a free loopback port, with its output kept for failure messages.</summary>
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

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<HostProcess> StartAsync(string dataPath, IDictionary<string, string>? settings = null)
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
        foreach (var (key, value) in TestAccounts.Settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info)!;
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, e) => { lock (host._output) host._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (host._output) host._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    public HttpClient CreateAnonymousClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in as the administrator.</summary>
    public async Task<HttpClient> CreateClientAsync()
    {
        var client = CreateAnonymousClient();
        await TestAccounts.SignInAsync(client);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
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
            await Task.Delay(200);
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
        if (!_process.HasExited) Kill();
        await Task.CompletedTask;
        _process.Dispose();
    }
}
