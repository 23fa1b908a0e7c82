using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

/// <summary>
/// A private PostgreSQL cluster for one benchmark run: initdb (as the postgres user through runuser when running as
/// root) into a temp folder, started on a free loopback port with the server's default settings (fsync and
/// synchronous_commit on), stopped and deleted afterwards. Fails loudly when Debian's postgresql package is missing.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _keep;
    private int _port;

    private PrivatePostgres(string folder, string bin, bool keep)
    {
        _folder = folder;
        _bin = bin;
        _keep = keep;
    }

    /// <summary>Creates and starts the cluster under <paramref name="parent"/>.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or initdb or pg_ctl failed.</exception>
    public static async Task<PrivatePostgres> StartAsync(string parent, bool keep = false)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault() ?? ""
            : "";
        if (bin.Length == 0)
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql (Debian's package).");
        var cluster = new PrivatePostgres(Path.Combine(parent, "pg"), bin, keep);
        await cluster.InitAndStartAsync();
        return cluster;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port => _port;

    public string ConnectionString(string database, int maxPoolSize = 100) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size={maxPoolSize};Timeout=30;Command Timeout=600";

    private async Task InitAndStartAsync()
    {
        _port = FreePort();
        Directory.CreateDirectory(_folder);
        var data = Path.Combine(_folder, "data");
        if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", _folder]);
        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"]);
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_folder, "log"), "-w", "-t", "60", "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1", "start"]);
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The server's version and the settings that decide commit cost.</summary>
    public async Task<string> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        var parts = new List<string> { "PostgreSQL " + connection.PostgreSqlVersion };
        foreach (var setting in new[] { "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "shared_buffers", "max_connections" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SHOW {setting}";
            parts.Add($"{setting}={await command.ExecuteScalarAsync()}");
        }
        return string.Join(", ", parts);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(Path.Combine(_folder, "data")))
        {
            try { await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"]); }
            catch (InvalidOperationException) { /* already stopped */ }
        }
        if (_keep) return;
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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
