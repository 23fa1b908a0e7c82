using System.Net;
using Hangfire.Dashboard;

namespace Deliberation.Host.Hosting;

/// <summary>The Hangfire dashboard is for administrators, and only from this machine (it shows server internals).</summary>
public sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
{
    /// <inheritdoc/>
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        return (remote is null || IPAddress.IsLoopback(remote)) && http.User.IsInRole(Auth.AuthRoles.Administrator);
    }
}
