using Deliberation.Engine.Runtime;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Host.Auth;

/// <summary>
/// Endpoint filters that keep accounts inside their communities: a route naming another community
/// (or a task of another community) answers 404, as if it did not exist.
/// </summary>
public static class CommunityScopeFilter
{
    /// <summary>Checks the <c>{communityId}</c> route value.</summary>
    public static TBuilder RequireCommunityScope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ScopedBy(ScopeKind.CommunityRoute).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues.TryGetValue("communityId", out var raw) && Guid.TryParse(raw?.ToString(), out var communityId)
                && !await http.RequestServices.GetRequiredService<CommunityAccess>().CanSeeAsync(http.User, communityId, http.RequestAborted))
                throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
            return await next(context);
        });

    /// <summary>Checks the community of the task in the <c>{taskId}</c> route value.</summary>
    public static TBuilder RequireTaskScope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ScopedBy(ScopeKind.TaskRoute).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues.TryGetValue("taskId", out var raw) && Guid.TryParse(raw?.ToString(), out var taskId))
            {
                await using var db = http.RequestServices.GetRequiredService<DeliberationDatabase>().CreateContext();
                var communityId = await db.Tasks.Where(t => t.Id == taskId).Select(t => (Guid?)t.CommunityId).FirstOrDefaultAsync(http.RequestAborted);
                if (communityId is null || !await http.RequestServices.GetRequiredService<CommunityAccess>().CanSeeAsync(http.User, communityId, http.RequestAborted))
                    throw new WorkflowException(WorkflowErrorKind.NotFound, "task-not-found", $"There is no task {taskId}.");
            }
            return await next(context);
        });

    /// <summary>Checks the community of the workflow instance in the <c>{id}</c> route value.</summary>
    public static TBuilder RequireInstanceScope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ScopedBy(ScopeKind.InstanceRoute).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var instanceId))
            {
                await using var db = http.RequestServices.GetRequiredService<DeliberationDatabase>().CreateContext();
                var found = await db.Instances.Where(i => i.Id == instanceId).Select(i => new { i.ScopeId }).FirstOrDefaultAsync(http.RequestAborted);
                if (found is null || !await http.RequestServices.GetRequiredService<CommunityAccess>().CanSeeAsync(http.User, found.ScopeId, http.RequestAborted))
                    throw new WorkflowException(WorkflowErrorKind.NotFound, "instance-not-found", $"There is no instance {instanceId}.");
            }
            return await next(context);
        });
}
