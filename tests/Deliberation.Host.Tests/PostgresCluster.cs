using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Deliberation.Host.Tests;

/// <summary>
/// A private PostgreSQL cluster for the tests: initdb (as the postgres user when running as root)
/// into a temp folder, started on a free loopback port, stopped and deleted afterwards. Fails
/// loudly when Debian's postgresql package is missing. <see cref="StopAsync"/> and <see cref="StartAsync"/> take the
/// server down and bring it back on the same port and data folder, as an outage and its end.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deliberation-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = "";
    private int _port;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Timeout=30";

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Run ./test.sh, which installs Debian's postgresql package.");
        _port = FreePort();
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "data");
        if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", _folder]);
        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"]);
        await StartAsync();
    }

    /// <summary>Starts the server on its port and data folder and waits until it accepts connections (60 s at most).</summary>
    public Task StartAsync() => RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"),
        ["-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w", "-t", "60",
         "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);

    /// <summary>
    /// Stops the server and waits until it has (60 s at most): <c>fast</c> ends every session with 57P01 admin_shutdown
    /// and rolls open transactions back; <c>immediate</c> drops them without a word, as a crash would.
    /// </summary>
    public Task StopAsync(string mode = "fast") => RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"),
        ["-D", Path.Combine(_folder, "data"), "-m", mode, "-w", "-t", "60", "stop"]);

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_bin.Length > 0 && Directory.Exists(Path.Combine(_folder, "data")))
        {
            try { await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]); }
            catch (InvalidOperationException) { /* already stopped */ }
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string file, IReadOnlyList<string> args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/tmp" };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
