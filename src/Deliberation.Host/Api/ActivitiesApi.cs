using Deliberation.Engine.Activities;
using Deliberation.Host.Auth;

namespace Deliberation.Host.Api;

/// <summary>Activity descriptors, from which the designer builds its palette and property panel.</summary>
public static class ActivitiesApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", ListActivities).WithTags("Activities").RequireAuthorization(Auth.AuthRoles.StaffPolicy).ScopedBy(ScopeKind.NotCommunityData).WithSummary("Lists the activity types (palette).");
        return app;
    }

    /// <summary>All activity descriptors.</summary>
    public static IResult ListActivities(ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors.ToList());
}
