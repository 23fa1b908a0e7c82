using System.Security.Claims;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Auth;

/// <summary>Which communities the signed-in account may see. Another community's data answers 404, not 403, so its existence is not revealed.</summary>
public sealed class CommunityAccess(DeliberationDatabase database)
{
    /// <summary>The account's id, from its claims.</summary>
    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Null for administrators (every community); otherwise the account's communities.</summary>
    public async Task<IReadOnlySet<Guid>?> CommunitiesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(AuthRoles.Administrator)) return null;
        if (UserId(user) is not { } id) return new HashSet<Guid>();
        await using var db = database.CreateContext();
        return (await db.StaffCommunities.Where(s => s.UserId == id).Select(s => s.CommunityId).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Whether the account may see the community (or an instance with no community, administrators only).</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, Guid? communityId, CancellationToken cancellationToken)
    {
        var communities = await CommunitiesAsync(user, cancellationToken);
        return communities is null || (communityId is { } c && communities.Contains(c));
    }
}
