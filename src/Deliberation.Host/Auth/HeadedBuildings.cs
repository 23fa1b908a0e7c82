using System.Security.Claims;
using Deliberation.Civic.Issues;
using Deliberation.Persistence.Identity;

namespace Deliberation.Host.Auth;

/// <summary>
/// The building groups a building head's account heads in a community (they log complaints for those only); null for
/// staff and administrators, whom no building limits.
/// </summary>
public static class HeadedBuildings
{
    /// <summary>The buildings <paramref name="account"/> heads in the community, or null when the signed-in user is staff.</summary>
    public static async Task<IReadOnlyCollection<Guid>?> OfAsync(ClaimsPrincipal principal, StaffUser? account, Guid communityId, ComplaintStore complaints,
        CancellationToken cancellationToken) =>
        principal.IsInRole(AuthRoles.BuildingHead) && !principal.IsInRole(AuthRoles.CommitteeStaff) && !principal.IsInRole(AuthRoles.Administrator)
            ? await complaints.BuildingsHeadedAsync(communityId, account?.PersonId, account?.Email, cancellationToken)
            : null;
}
