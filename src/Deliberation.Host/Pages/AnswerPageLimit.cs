using System.Threading.RateLimiting;
using Deliberation.Host.Api;
using Deliberation.Host.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Pages;

/// <summary>
/// The answer pages' request limit per address (<see cref="AnswerPageLimitOptions.RequestsPerMinute"/>): the pages are
/// anonymous, so this is what stops one machine from trying tokens or flooding the database. A refused request is told
/// so on a page in the visitor's language, like every other answer of these pages, never as JSON.
/// </summary>
public sealed class AnswerPageLimit(IOptions<AnswerPageLimitOptions> options) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name.</summary>
    public const string PolicyName = "answer-pages";

    /// <inheritdoc/>
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        ClientAddress.Of(httpContext),
        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <inheritdoc/>
    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected => async (context, _) =>
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            FrameworkRefusals.SetRetryAfter(http.Response, retry);
        var t = PageText.For(AnswerPages.IsEnglish(http.Request.Query["lang"].ToString(), http));
        await AnswerPages.Page(http, StatusCodes.Status429TooManyRequests, AnswerPageHtml.Message(t, t.TooManyRequests, t.TooManyRequestsDetail)).ExecuteAsync(http);
    };
}
