using System.Threading.RateLimiting;
using Deliberation.Host.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Pages;

/// <summary>
/// Comments on notices' public pages per address (<see cref="NoticeCommentLimitOptions.CommentsPerHour"/>): the page is
/// anonymous, so this is what stops a flood. A refused comment answers 429 with code <c>notice-comment-flood</c>: as
/// ProblemDetails to a client that asks for JSON, on the page otherwise.
/// </summary>
public sealed class NoticeCommentLimit(IOptions<NoticeCommentLimitOptions> options, TimeProvider time) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name.</summary>
    public const string PolicyName = "notice-comments";

    /// <summary>The code of a refused comment.</summary>
    public const string Code = "notice-comment-flood";

    /// <inheritdoc/>
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.Get(
        ClientAddress.Of(httpContext), _ => new TimedWindowLimiter(Math.Max(1, options.Value.CommentsPerHour), TimeSpan.FromHours(1), time));

    /// <inheritdoc/>
    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected { get; } = PublicPageFlood.Refusal(Code);
}
