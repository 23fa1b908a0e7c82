using Deliberation.Civic.ShortLinks;
using Deliberation.Host.Api;
using Deliberation.Host.Auth;

namespace Deliberation.Host.Pages;

/// <summary>
/// Short links (<c>/s/{code}</c>): no account; a known code redirects (302) to its full signed link, which checks its own
/// signature. An unknown code answers 404, one whose task link was reissued or which expired 410 — a page in Chinese (English
/// with <c>?lang=en</c>), or coded ProblemDetails (<c>short-link-not-found</c>, <c>short-link-gone</c>) to a client asking
/// for JSON. Lookups are limited per address (<see cref="ShortLinkLimit"/>).
/// </summary>
public static class ShortLinkPages
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapShortLinkPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(ShortLinkStore.PathPrefix + "{code}", ResolveAsync).AllowAnonymous().ScopedBy(ScopeKind.PublicRecord).ExcludeFromDescription()
            .RequireRateLimiting(ShortLinkLimit.PolicyName);
        return app;
    }

    /// <summary>Redirects to the code's link, or says why there is none.</summary>
    public static async Task<IResult> ResolveAsync(string code, string? lang, HttpContext http, ShortLinkStore shortLinks, CancellationToken cancellationToken)
    {
        var resolution = await shortLinks.ResolveAsync(code, cancellationToken);
        if (resolution is { Status: ShortLinkStatus.Found, Target: { } target })
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return TypedResults.Redirect(target);
        }
        var gone = resolution.Status == ShortLinkStatus.Gone;
        var status = gone ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
        if (NoticePages.WantsJson(http))
        {
            await FrameworkRefusals.WriteAsync(http, status, gone ? "short-link-gone" : "short-link-not-found");
            return TypedResults.Empty;
        }
        var t = PageText.For(AnswerPages.IsEnglish(lang, http));
        return AnswerPages.Page(http, status, gone ? ShortLinkPageHtml.Gone(t) : ShortLinkPageHtml.NotFound(t));
    }
}
