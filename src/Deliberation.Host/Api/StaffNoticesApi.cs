using System.Security.Claims;
using Deliberation.Civic.Communities;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// Notices to staff on the dashboard (工作人员通知): what staff were also told by email — a time poll closed, a quorum
/// failed, a step faulted — shown until someone marks it read.
/// </summary>
public static class StaffNoticesApi
{
    /// <summary>A notice.</summary>
    /// <param name="Id">Id.</param>
    /// <param name="InstanceId">The workflow instance it concerns, if any.</param>
    /// <param name="Subject">One line.</param>
    /// <param name="Body">What happened and what to do.</param>
    /// <param name="CreatedAt">When.</param>
    /// <param name="ReadAt">When it was marked read; null while unread.</param>
    public sealed record NoticeView(Guid Id, Guid? InstanceId, string Subject, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapStaffNoticesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}/notices").WithTags("Escalations")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/", ListAsync).WithSummary($"Lists the community's unread notices to staff, newest first (at most {StaffNoticeStore.MaxListed}).");
        api.MapPost("/{noticeId:guid}/read", ReadAsync).WithSummary("Marks a notice read (who and when); a read notice stays as it was.");
        return app;
    }

    /// <summary>Lists the unread notices.</summary>
    public static async Task<Ok<List<NoticeView>>> ListAsync(Guid communityId, StaffNoticeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.UnreadAsync(communityId, cancellationToken)).Select(View).ToList());

    /// <summary>Marks a notice read.</summary>
    public static async Task<Ok<NoticeView>> ReadAsync(Guid communityId, Guid noticeId, StaffNoticeStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var by = CommunityAccess.UserId(user) ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to mark a notice read.");
        return TypedResults.Ok(View(await store.MarkReadAsync(communityId, noticeId, by, cancellationToken)));
    }

    private static NoticeView View(StaffNotice n) => new(n.Id, n.InstanceId, n.Subject, n.Body, n.CreatedAt, n.ReadAt);
}
