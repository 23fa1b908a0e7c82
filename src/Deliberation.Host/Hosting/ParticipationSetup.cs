using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Host.Pages;
using Deliberation.Integrations.Files;
using Deliberation.Persistence;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers signed links, the task store and the key they need.</summary>
public static class ParticipationSetup
{
    /// <summary>The configuration key of the address residents reach the host at.</summary>
    public const string PublicBaseUrlKey = "Deliberation:PublicBaseUrl";

    /// <summary>The address used when <see cref="PublicBaseUrlKey"/> is not set (the default listening address).</summary>
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:5080";

    /// <summary>Where the generated link-signing key lives in the data folder.</summary>
    public static string KeyFile(ResolvedPaths paths) => Path.Combine(paths.Data, "keys", "link-signing.key");

    /// <summary>Adds <see cref="LinkSigner"/>, <see cref="AnswerLinks"/>, <see cref="TaskStore"/> and the answer pages' request limit.</summary>
    /// <exception cref="OptionsValidationException"><see cref="PublicBaseUrlKey"/> is not an absolute http(s) URL.</exception>
    public static IServiceCollection AddParticipation(this IServiceCollection services, IConfiguration configuration, ResolvedPaths paths)
    {
        var baseUrl = configuration[PublicBaseUrlKey] is { Length: > 0 } configured ? configured : DefaultPublicBaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var publicBaseUrl) || (publicBaseUrl.Scheme != Uri.UriSchemeHttp && publicBaseUrl.Scheme != Uri.UriSchemeHttps))
            throw new OptionsValidationException(PublicBaseUrlKey, typeof(string), [$"{PublicBaseUrlKey} must be an absolute http or https URL, not '{baseUrl}'."]);

        services.AddOptions<SignedLinkOptions>().BindConfiguration(SignedLinkOptions.SectionName)
            .Validate(o => o.ValidityAfterClose > TimeSpan.Zero && o.ValidityWithoutDeadline > TimeSpan.Zero,
                "Deliberation:Links:ValidityAfterClose and ValidityWithoutDeadline must be positive.")
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || IsUsableKey(o.SigningKey),
                $"Deliberation:Links:SigningKey must be base64 of at least {LinkSigner.MinimumKeyBytes} bytes (or empty to use the key file).")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SignedLinkOptions>>().Value;
            return new LinkSigner(string.IsNullOrWhiteSpace(options.SigningKey)
                ? SecretKeyFile.LoadOrCreate(KeyFile(paths), LinkSigningKey.GeneratedKeyBytes, LinkSigningKey.Parse)
                : LinkSigningKey.Parse(options.SigningKey));
        });
        services.AddSingleton(sp => new AnswerLinks(sp.GetRequiredService<LinkSigner>(), sp.GetRequiredService<IOptions<SignedLinkOptions>>().Value, publicBaseUrl));
        services.AddSingleton<TaskStore>();
        services.AddOptions<AnswerPageLimitOptions>().BindConfiguration(AnswerPageLimitOptions.SectionName)
            .Validate(o => o.RequestsPerMinute > 0, "Deliberation:Links:RequestsPerMinute must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, AnswerPageLimit>(AnswerPageLimit.PolicyName));
        // Resolving the signer at start creates the key file on the first start, and stops a host whose key file is damaged.
        services.AddHostedService<LinkKeyCheck>();
        return services;
    }

    private static bool IsUsableKey(string key)
    {
        try
        {
            LinkSigningKey.Parse(key);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed class LinkKeyCheck(LinkSigner signer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(signer);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
