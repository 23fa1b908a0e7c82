using System.Security.Claims;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Responses;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// Escalations (需协调事项) for the staff dashboard: what the workflows escalated to the community's staff and escalation
/// contacts — overdue action items, quorum not reached, rounds exhausted — open until acknowledged.
/// </summary>
public static class EscalationsApi
{
    /// <summary>An escalation.</summary>
    /// <param name="Notified">How many emails were queued (escalation contacts and staff accounts).</param>
    /// <param name="Response">For a matter to respond to within a deadline: where it stands now (level, handled, response time).</param>
    public sealed record EscalationView(Guid Id, Guid CommunityId, Guid? CaseId, string Kind, Guid? RelatedId, Guid? InstanceId, string Subject, string Body,
        DateTimeOffset RaisedAt, int Notified, bool Open, DateTimeOffset? AcknowledgedAt, Guid? AcknowledgedByUserId, ResponseSummary? Response = null);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapEscalationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}/escalations").WithTags("Escalations")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/", ListAsync).WithSummary("Lists the community's escalations, newest first: the open ones, or all with ?all=true.");
        api.MapPost("/{escalationId:guid}/acknowledge", AcknowledgeAsync).WithSummary("Acknowledges an escalation (records who and when); 409 when acknowledged already.");
        return app;
    }

    /// <summary>Lists escalations.</summary>
    public static async Task<Ok<List<EscalationView>>> ListAsync(Guid communityId, bool? all, EscalationStore store, ResponseStore responses,
        CancellationToken cancellationToken)
    {
        var escalations = await store.ListAsync(communityId, all ?? false, cancellationToken);
        var related = escalations.Where(e => e.Kind is EscalationKinds.ResponseOverdue or EscalationKinds.ResponseUnhandled && e.RelatedId is not null)
            .Select(e => e.RelatedId!.Value).ToList();
        var matters = await responses.ForRelatedAsync(communityId, related, cancellationToken);
        return TypedResults.Ok(escalations.Select(e => View(e) with
        {
            Response = e.RelatedId is { } id && matters.TryGetValue(id, out var matter) ? ResponseSummary.Of(matter) : null,
        }).ToList());
    }

    /// <summary>Acknowledges an escalation.</summary>
    public static async Task<Ok<EscalationView>> AcknowledgeAsync(Guid communityId, Guid escalationId, EscalationStore store, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var by = CommunityAccess.UserId(user) ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to acknowledge an escalation.");
        return TypedResults.Ok(View(await store.AcknowledgeAsync(communityId, escalationId, by, cancellationToken)));
    }

    private static EscalationView View(Escalation e) => new(e.Id, e.CommunityId, e.CaseId, e.Kind, e.RelatedId, e.InstanceId, e.Subject, e.Body, e.RaisedAt,
        e.Notified, e.AcknowledgedAt is null, e.AcknowledgedAt, e.AcknowledgedByUserId);
}
