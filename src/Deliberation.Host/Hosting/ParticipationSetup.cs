using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Host.Pages;
using Deliberation.Persistence;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Hosting;

/// <summary>Registers signed links, the task store and the key they need.</summary>
public static class ParticipationSetup
{
    /// <summary>The configuration key of the address residents reach the host at.</summary>
    public const string PublicBaseUrlKey = "Deliberation:PublicBaseUrl";

    /// <summary>
    /// The address links use when <see cref="PublicBaseUrlKey"/> is not set and the server names none it listens on
    /// (the in-process test server), or before it has started.
    /// </summary>
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:5080";

    /// <summary>Where a single-host install kept its link-signing key; taken over into the database on the first start after an upgrade.</summary>
    public static string KeyFile(ResolvedPaths paths) => Path.Combine(paths.Data, "keys", "link-signing.key");

    /// <summary>Adds <see cref="LinkSigner"/>, <see cref="AnswerLinks"/>, <see cref="TaskStore"/>, the keys and address they need, and the answer pages' request limit.</summary>
    /// <exception cref="OptionsValidationException"><see cref="PublicBaseUrlKey"/> is set and not an absolute http(s) URL.</exception>
    public static IServiceCollection AddParticipation(this IServiceCollection services, IConfiguration configuration)
    {
        Uri? configuredBaseUrl = null;
        if (configuration[PublicBaseUrlKey] is { Length: > 0 } baseUrl
            && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out configuredBaseUrl) || (configuredBaseUrl.Scheme != Uri.UriSchemeHttp && configuredBaseUrl.Scheme != Uri.UriSchemeHttps)))
            throw new OptionsValidationException(PublicBaseUrlKey, typeof(string), [$"{PublicBaseUrlKey} must be an absolute http or https URL, not '{baseUrl}'."]);

        services.AddOptions<SignedLinkOptions>().BindConfiguration(SignedLinkOptions.SectionName)
            .Validate(o => o.ValidityAfterClose > TimeSpan.Zero && o.ValidityWithoutDeadline > TimeSpan.Zero,
                "Deliberation:Links:ValidityAfterClose and ValidityWithoutDeadline must be positive.")
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || IsUsableKey(o.SigningKey),
                $"Deliberation:Links:SigningKey must be base64 of at least {LinkSigner.MinimumKeyBytes} bytes (or empty to keep a generated key in the database).")
            .ValidateOnStart();
        services.AddSingleton<DatabaseSecrets>();
        services.AddSingleton<SharedSecrets>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SignedLinkOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.SigningKey)) return new LinkSigner(LinkSigningKey.Parse(options.SigningKey));
            // The key is in the database, read at start-up after the migrations (StartupTasks); services that sign are made before.
            var shared = sp.GetRequiredService<SharedSecrets>();
            return new LinkSigner(() => shared.LinkSigningKey);
        });
        services.AddSingleton(sp => new PublicAddress(configuredBaseUrl, sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(),
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<PublicAddress>>()));
        services.AddHostedService(sp => sp.GetRequiredService<PublicAddress>());
        services.AddSingleton(sp =>
        {
            var address = sp.GetRequiredService<PublicAddress>();
            return new AnswerLinks(sp.GetRequiredService<LinkSigner>(), sp.GetRequiredService<IOptions<SignedLinkOptions>>().Value, () => address.Current);
        });
        services.AddSingleton<TaskStore>();
        services.AddOptions<AnswerPageLimitOptions>().BindConfiguration(AnswerPageLimitOptions.SectionName)
            .Validate(o => o.RequestsPerMinute > 0, "Deliberation:Links:RequestsPerMinute must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, AnswerPageLimit>(AnswerPageLimit.PolicyName));
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

}
