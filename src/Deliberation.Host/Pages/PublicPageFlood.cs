using System.Threading.RateLimiting;
using Deliberation.Host.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Deliberation.Host.Pages;

/// <summary>How the public pages' rate limits refuse a request: 429 with a stable code, as ProblemDetails to a client that asks for JSON, on a page otherwise.</summary>
internal static class PublicPageFlood
{
    /// <summary>The refusal of a request over a limit, coded <paramref name="code"/>.</summary>
    public static Func<OnRejectedContext, CancellationToken, ValueTask> Refusal(string code) => async (context, _) =>
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            FrameworkRefusals.SetRetryAfter(http.Response, retry);
        if (NoticePages.WantsJson(http))
        {
            await FrameworkRefusals.WriteAsync(http, StatusCodes.Status429TooManyRequests, code);
            return;
        }
        var t = PageText.For(AnswerPages.IsEnglish(http.Request.Query["lang"].ToString(), http));
        await AnswerPages.Page(http, StatusCodes.Status429TooManyRequests, AnswerPageHtml.Message(t, t.TooManyRequests, t.TooManyRequestsDetail)).ExecuteAsync(http);
    };
}
