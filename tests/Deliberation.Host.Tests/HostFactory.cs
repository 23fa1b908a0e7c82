using Deliberation.Integrations.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Host.Tests;

/// <summary>The host in process on a fresh SQLite database in a temp folder, with a fake clock.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsData;

    public HostFactory() : this(TestPaths.NewTempFolder(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)), ownsData: true)
    {
    }

    /// <summary>
    /// A host on the database in <paramref name="dataPath"/> — another host's, to play a restart or a second host — with
    /// its own clock; the folder stays when this host is disposed unless it <paramref name="ownsData"/>.
    /// </summary>
    internal HostFactory(string dataPath, FakeTimeProvider time, bool ownsData = false)
    {
        DataPath = dataPath;
        Time = time;
        _ownsData = ownsData;
    }

    public string DataPath { get; }

    public FakeTimeProvider Time { get; }

    public TimerPump TimerPump => Services.GetRequiredService<TimerPump>();

    /// <summary>More configuration (e.g. <c>Deliberation:Mail:SmtpHost</c>); set before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(TestPaths.RepositoryRoot);
        builder.UseSetting("Deliberation:DataPath", DataPath);
        foreach (var (key, value) in TestAccounts.Settings) builder.UseSetting(key, value);
        // Tests fire timers and deliver mail themselves, so nothing races them in the background.
        builder.UseSetting("Deliberation:BackgroundLoops", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    private string? _adminToken;

    /// <summary>Clients from <c>CreateClient()</c> are signed in as the administrator.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_adminToken is null)
        {
            using var anonymous = CreateAnonymousClient();
            TestAccounts.SignInAsync(anonymous).GetAwaiter().GetResult();
            _adminToken = anonymous.DefaultRequestHeaders.Authorization!.Parameter;
        }
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminToken);
    }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = Server.CreateClient();
        client.BaseAddress = new Uri("http://localhost");
        return client;
    }

    /// <summary>
    /// A client that is not signed in, whose requests come from <paramref name="address"/> (the test server has no
    /// network, so the address is set on each request as a proxy-less server would see it).
    /// </summary>
    public HttpClient CreateAnonymousClientAt(string address)
    {
        var ip = System.Net.IPAddress.Parse(address);
        return new HttpClient(Server.CreateHandler(context => context.Connection.RemoteIpAddress = ip)) { BaseAddress = new Uri("http://localhost") };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsData) return;
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
