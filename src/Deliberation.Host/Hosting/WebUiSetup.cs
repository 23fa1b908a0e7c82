namespace Deliberation.Host.Hosting;

/// <summary>
/// Serves the staff UI (built by <c>src/Deliberation.Designer</c> into <c>wwwroot</c>): its files, and
/// <c>index.html</c> for every other path the UI routes itself — but never for the server's own areas,
/// whose unknown paths stay a plain 404.
/// </summary>
public static class WebUiSetup
{
    /// <summary>Path prefixes the UI never answers for.</summary>
    public static readonly string[] ServerPrefixes = ["/api", "/t", "/dev", "/health", "/openapi", "/hangfire", "/api-docs"];

    /// <summary>Serves the UI's static files (anonymous: they hold no data).</summary>
    public static IApplicationBuilder UseDeliberationWebUi(this IApplicationBuilder app) => app.UseStaticFiles();

    /// <summary>Maps the fallback to <c>index.html</c> for the UI's own routes.</summary>
    public static IEndpointRouteBuilder MapDeliberationWebUi(this IEndpointRouteBuilder app)
    {
        app.MapFallback(async context =>
        {
            var index = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("index.html");
            if (IsServerPath(context.Request.Path) || !index.Exists || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether a path belongs to the server rather than to the UI.</summary>
    public static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
