namespace Deliberation.Host.Hosting;

/// <summary>
/// Serves the staff UI (built by <c>src/Deliberation.Designer</c> into <c>wwwroot</c>): its files, and
/// <c>index.html</c> for every other GET the UI routes itself — but never for the server's own areas,
/// whose unknown paths stay a plain 404. It is middleware rather than a fallback endpoint, so it never
/// competes with the server's endpoints in routing (a POST without a content type still answers 415).
/// The root is the UI when the UI is built; a host built without it keeps the root's redirect to the API reference.
/// </summary>
public static class WebUiSetup
{
    /// <summary>Path prefixes the UI never answers for.</summary>
    public static readonly string[] ServerPrefixes = ["/api", "/t", "/dev", "/health", "/openapi", "/hangfire", "/api-docs"];

    /// <summary>Serves <c>index.html</c> for the UI's routes and the UI's files (anonymous: they hold no data). Runs after routing.</summary>
    public static IApplicationBuilder UseDeliberationWebUi(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var isRoot = request.Path.Value is "/" or "";
            if ((context.GetEndpoint() is null || isRoot) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !IsServerPath(request.Path) && !Path.HasExtension(request.Path.Value))
            {
                var index = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("index.html");
                if (index.Exists)
                {
                    context.Response.ContentType = "text/html; charset=utf-8";
                    context.Response.Headers.CacheControl = "no-cache";
                    if (HttpMethods.IsGet(request.Method)) await context.Response.SendFileAsync(index, context.RequestAborted);
                    return;
                }
            }
            await next(context);
        });
        return app.UseStaticFiles();
    }

    /// <summary>Whether a path belongs to the server rather than to the UI.</summary>
    public static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
