using System.Net;
using Deliberation.Host.Auth;

namespace Deliberation.Host.Pages;

/// <summary>
/// Lets administrators (cookie or bearer) and requests from this machine into the development mailbox,
/// which shows live answer links. Anyone else gets 404, not 403: the page's existence says that SMTP is
/// not configured, which is nobody else's business.
/// </summary>
public sealed class DevMailboxAccessFilter : IEndpointFilter
{
    /// <inheritdoc/>
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsAllowed(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(TypedResults.NotFound());
    }

    /// <summary>Whether the request may see the mailbox: an administrator, or a direct request from a loopback address.</summary>
    public static bool IsAllowed(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.IsInRole(AuthRoles.Administrator) || IsFromThisMachine(http);
    }

    private static bool IsFromThisMachine(HttpContext http)
    {
        // No address (an in-memory test server, a Unix socket) proves nothing, so it is not this machine.
        if (http.Connection.RemoteIpAddress is not { } remote) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        // A reverse proxy on this machine connects from loopback on behalf of anyone: a forwarded request is not local.
        var headers = http.Request.Headers;
        return IPAddress.IsLoopback(remote) && !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded");
    }
}
