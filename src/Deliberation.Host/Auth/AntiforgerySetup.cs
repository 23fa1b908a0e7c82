using Deliberation.Host.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Deliberation.Host.Auth;

/// <summary>
/// Anti-forgery for the browser UI. A request signed in by the UI's cookie that changes state (POST, PUT,
/// PATCH, DELETE under <c>/api</c>) must carry the request token from <c>GET /api/antiforgery</c> in the
/// <see cref="HeaderName"/> header; a forged cross-site post carries the cookie but cannot read the token.
/// Bearer-token clients send no cookie a browser would add on its own, so they need none.
/// </summary>
public static class AntiforgerySetup
{
    /// <summary>The header that carries the request token.</summary>
    public const string HeaderName = "X-XSRF-TOKEN";

    /// <summary>The cookie that carries the cookie half of the token pair.</summary>
    public const string CookieName = "deliberation.xsrf";

    /// <summary>The UI's sign-in cookie; only requests that carry it are checked.</summary>
    public const string AuthCookieName = "deliberation.auth";

    /// <summary>The request token, for the UI to send back in <see cref="HeaderName"/>.</summary>
    public sealed record AntiforgeryToken(string Token, string HeaderName);

    /// <summary>Registers the anti-forgery services with the cookie and header names above.</summary>
    public static IServiceCollection AddDeliberationAntiforgery(this IServiceCollection services)
    {
        services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>Checks the token on cookie-authenticated state-changing API requests; runs after authentication.</summary>
    public static IApplicationBuilder UseDeliberationAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (await NeedsTokenAsync(context))
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                try
                {
                    await antiforgery.ValidateRequestAsync(context);
                }
                catch (AntiforgeryValidationException)
                {
                    await RefuseAsync(context);
                    return;
                }
            }
            await next(context);
        });

    /// <summary>Maps <c>GET /api/antiforgery</c>, which sets the cookie and answers the request token.</summary>
    public static IEndpointRouteBuilder MapAntiforgeryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, HeaderName));
            })
            .AllowAnonymous().ScopedBy(ScopeKind.Public).WithTags("Accounts")
            .WithSummary($"Sets the anti-forgery cookie and answers the request token; the UI sends it as {HeaderName} on every cookie-signed change. Fetch it again after signing in.");
        return app;
    }

    /// <summary>
    /// Whether the request changes state under <c>/api</c> with the UI's cookie: it needs the token unless a valid bearer token
    /// itself signed it in — an Authorization header a page could add (malformed, or another scheme) never skips the check.
    /// </summary>
    public static async Task<bool> NeedsTokenAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return false;
        if (!request.Cookies.ContainsKey(AuthCookieName)) return false;
        if (request.Headers.Authorization.Count == 0) return true;
        return !(await context.AuthenticateAsync(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme)).Succeeded;
    }

    private static Task RefuseAsync(HttpContext context) => FrameworkRefusals.WriteAsync(context, StatusCodes.Status400BadRequest, "antiforgery",
        $"A signed-in browser request that changes data must carry the anti-forgery token in {HeaderName}.");
}
