using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Deliberation.Host.Hosting;

/// <summary>
/// The address residents reach the host at, which answer links and staff-page links in emails start with:
/// <c>Deliberation:PublicBaseUrl</c> when set, else the first http(s) address the server listens on, known once the
/// server has started (a host started with <c>--urls http://127.0.0.1:5123</c> mails links to port 5123). A wildcard
/// listening address (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) names no machine a resident can reach: the host
/// then warns and uses <c>127.0.0.1</c> with that port until the setting is given. Before the server has started, and
/// when it reports no address (the in-process test server), the address is <see cref="ParticipationSetup.DefaultPublicBaseUrl"/>.
/// </summary>
public sealed class PublicAddress : IHostedService
{
    private static readonly Uri Fallback = new(ParticipationSetup.DefaultPublicBaseUrl);
    private static readonly HashSet<string> Wildcards = new(["0.0.0.0", "[::]", "::", "+", "*"], StringComparer.Ordinal);

    private readonly Uri? _configured;
    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<PublicAddress> _logger;
    private Uri? _listening;

    /// <summary>Creates the address; <paramref name="configured"/> is <c>Deliberation:PublicBaseUrl</c>, or null when it is not set.</summary>
    public PublicAddress(Uri? configured, IServer server, IHostApplicationLifetime lifetime, ILogger<PublicAddress> logger)
    {
        _configured = configured;
        _server = server;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>The address to put in links now (read it at every link: it may change once, when the server has started).</summary>
    public Uri Current => _configured ?? Volatile.Read(ref _listening) ?? (_lifetime.ApplicationStarted.IsCancellationRequested ? Resolve() : Fallback);

    /// <summary>
    /// The address links use for a server listening on <paramref name="addresses"/>: the first http(s) one, a wildcard
    /// host replaced by <c>127.0.0.1</c> (then <paramref name="wildcard"/> is the address as the server named it), or
    /// null when there is none.
    /// </summary>
    public static Uri? FromListening(IEnumerable<string> addresses, out string? wildcard)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        wildcard = null;
        foreach (var address in addresses)
        {
            BindingAddress binding;
            try
            {
                binding = BindingAddress.Parse(address);
            }
            catch (FormatException)
            {
                continue;
            }
            if (binding.IsUnixPipe || (binding.Scheme != Uri.UriSchemeHttp && binding.Scheme != Uri.UriSchemeHttps)) continue;
            var host = binding.Host;
            if (Wildcards.Contains(host))
            {
                wildcard = address;
                host = "127.0.0.1";
            }
            if (!Uri.TryCreate($"{binding.Scheme}://{host}:{binding.Port}{binding.PathBase}", UriKind.Absolute, out var uri)) continue;
            return uri;
        }
        return null;
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_configured is null) _lifetime.ApplicationStarted.Register(() => Resolve());
        else _logger.LogInformation("Links in emails start with {Address} (Deliberation:PublicBaseUrl).", _configured);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Uri Resolve()
    {
        var addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = FromListening(addresses, out var wildcard) ?? Fallback;
        if (Interlocked.CompareExchange(ref _listening, listening, null) is { } earlier) return earlier;
        if (wildcard is not null)
            _logger.LogWarning("The host listens on {Listening}, which is no address a resident can open. Set Deliberation:PublicBaseUrl to the "
                + "address residents reach the host at (e.g. https://yiyi.example.cn); until then links in emails start with {Address}.", wildcard, listening);
        else
            _logger.LogInformation("Links in emails start with {Address}, the address the host listens on (set Deliberation:PublicBaseUrl to change it).", listening);
        return listening;
    }
}
