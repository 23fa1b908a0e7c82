namespace Deliberation.Host.Hosting;

/// <summary>
/// The headers every response carries: no framing by another site (clickjacking a staff page or an answer page), no
/// content sniffing (a file is what its type says), and no referrer (answer links carry their signed token in the path).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Adds the headers to every response before it starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
