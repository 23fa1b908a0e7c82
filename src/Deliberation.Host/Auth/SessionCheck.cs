using System.Security.Claims;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Deliberation.Host.Auth;

/// <summary>
/// Every signed-in request — cookie or bearer token — is checked against the account as it is now: a session ends when the
/// account signs out (anywhere), changes or is given a new password, has its roles changed, or is disabled. Each of those
/// changes the account's security stamp; a session carries the stamp it was signed in with, and one that no longer matches
/// is treated as signed out.
/// </summary>
public static class SessionCheck
{
    /// <summary>Runs after authentication.</summary>
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        await next(context);
    });

    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var users = context.RequestServices.GetRequiredService<UserManager<StaffUser>>();
        var claims = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = context.User.FindFirstValue(claims.SecurityStampClaimType);
        var user = await users.GetUserAsync(context.User);
        return user is not null && stamp is not null && !UsersApi.IsDisabled(user)
            && string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }
}
