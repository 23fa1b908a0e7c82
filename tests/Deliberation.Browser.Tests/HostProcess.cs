using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Deliberation.Browser.Tests;

/// <summary>The real host (with the built UI in its wwwroot) as a separate process on a free loopback port.</summary>
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

    public static async Task<HostProcess> StartAsync(string dataPath, IDictionary<string, string> settings)
    {
        if (!File.Exists(TestPaths.HostAssembly)) throw new FileNotFoundException("The host is not built.", TestPaths.HostAssembly);
        var webRoot = Path.Combine(Path.GetDirectoryName(TestPaths.HostAssembly)!, "wwwroot", "index.html");
        if (!File.Exists(webRoot)) throw new FileNotFoundException("The staff UI is not built into the host's wwwroot (the Host project's DesignerBuild target).", webRoot);
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
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
