using Deliberation.Civic.Signals;
using Deliberation.Engine.Activities;
using Deliberation.Host.Auth;

namespace Deliberation.Host.Api;

/// <summary>Activity descriptors, from which the designer builds its palette and property panel.</summary>
public static class ActivitiesApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities/signals", ListSignals).WithTags("Activities").RequireAuthorization(Auth.AuthRoles.StaffPolicy).ScopedBy(ScopeKind.NotCommunityData)
            .WithSummary("Lists the signals staff actions and answers send to workflows, with their payloads (the palette's help).");
        app.MapGet("/api/activities", ListActivities).WithTags("Activities").RequireAuthorization(Auth.AuthRoles.StaffPolicy).ScopedBy(ScopeKind.NotCommunityData).WithSummary("Lists the activity types (palette).");
        return app;
    }

    /// <summary>The signals the domain sends to workflows (what a <c>WaitForSignal</c> can wait for).</summary>
    public static IResult ListSignals() => TypedResults.Ok(StaffSignals.All);

    /// <summary>All activity descriptors.</summary>
    public static IResult ListActivities(ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors.ToList());
}
