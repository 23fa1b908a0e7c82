using System.Net;
using Hangfire.Dashboard;

namespace Deliberation.Host.Hosting;

/// <summary>The Hangfire dashboard answers only requests from this machine until accounts exist.</summary>
public sealed class LoopbackOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    /// <inheritdoc/>
    public bool Authorize(DashboardContext context)
    {
        var remote = context.GetHttpContext().Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
