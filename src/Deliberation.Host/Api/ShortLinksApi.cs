using Deliberation.Civic.Issues;
using Deliberation.Civic.ShortLinks;
using Deliberation.Host.Auth;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Host.Api;

/// <summary>
/// The building chat messages (楼栋群消息) of the building head's page: per building, a ready-to-paste Chinese message with
/// the short links of the current notices' public pages (never a resident's personal link). A building head gets their own
/// buildings, staff every building of the community.
/// </summary>
public static class ShortLinksApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapShortLinksApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/communities/{communityId:guid}").WithTags("Short links")
            .RequireAuthorization(AuthRoles.CommunityPolicy).RequireCommunityScope()
            .MapGet("/chat-messages", ChatMessagesAsync)
            .WithSummary("Per building (a building head's own), a Chinese message for the building's chat group naming the current notices with their public pages' short links.");
        return app;
    }

    /// <summary>The messages.</summary>
    public static async Task<Ok<IReadOnlyList<BuildingChatMessage>>> ChatMessagesAsync(Guid communityId, HttpContext http, BuildingChatMessages messages,
        UserManager<StaffUser> users, ComplaintStore complaints, CancellationToken cancellationToken)
    {
        var account = CommunityAccess.UserId(http.User) is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        var buildings = await HeadedBuildings.OfAsync(http.User, account, communityId, complaints, cancellationToken);
        return TypedResults.Ok(await messages.ForAsync(communityId, buildings, cancellationToken));
    }
}
