using System.Threading.RateLimiting;
using Deliberation.Host.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Pages;

/// <summary>
/// Short link lookups per address (<see cref="ShortLinkLimitOptions.LookupsPerMinute"/>), on the injected clock. A refused
/// lookup answers 429 with code <c>short-link-flood</c>: as ProblemDetails to a client that asks for JSON, on a page otherwise.
/// </summary>
public sealed class ShortLinkLimit(IOptions<ShortLinkLimitOptions> options, TimeProvider time) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name.</summary>
    public const string PolicyName = "short-links";

    /// <summary>The code of a refused lookup.</summary>
    public const string Code = "short-link-flood";

    /// <inheritdoc/>
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.Get(
        ClientAddress.Of(httpContext), _ => new TimedWindowLimiter(Math.Max(1, options.Value.LookupsPerMinute), TimeSpan.FromMinutes(1), time));

    /// <inheritdoc/>
    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected { get; } = PublicPageFlood.Refusal(Code);
}
