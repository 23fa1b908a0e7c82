using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>The outbox for staff: which messages wait, went out, or failed for good (and why).</summary>
public static class OutboxApi
{
    private static readonly string[] Statuses = ["pending", "sent", "failed"];

    /// <summary>
    /// An outbox message's delivery status. The payload is deliberately absent: it holds residents'
    /// email addresses, and the delivery status is what staff act on.
    /// </summary>
    public sealed record OutboxEntry(Guid Id, Guid? InstanceId, string Kind, DateTimeOffset CreatedAt, int Attempts,
        DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? LastError, string Subject = "");

    /// <summary>A pending workflow timer: when it fires and the instance (its case number) it belongs to.</summary>
    public sealed record TimerEntry(Guid BookmarkId, Guid InstanceId, string DefinitionId, string? CorrelationId, DateTimeOffset DueAt);

    /// <summary>A signal waiting for its instance to take it.</summary>
    public sealed record SignalEntry(Guid Id, string Name, string? Correlation, Guid InstanceId, string DefinitionId, string? CorrelationId, DateTimeOffset QueuedAt);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/outbox", ListAsync).WithTags("Outbox").RequireAuthorization(Auth.AuthRoles.StaffPolicy).ScopedBy(ScopeKind.Filtered)
            .WithSummary("Lists outbox messages, newest first; status=pending, sent or failed (failed ones are never retried on their own); each email with its subject.");
        app.MapPost("/api/outbox/{outboxId:guid}/resend", ResendAsync).WithTags("Outbox").RequireAuthorization(Auth.AuthRoles.AdministratorPolicy).ScopedBy(ScopeKind.Administration)
            .WithSummary("Sends a message that failed for good once more (administrators, after mending its cause); 409 when it has not failed.");
        app.MapGet("/api/timers", TimersAsync).WithTags("Outbox").RequireAuthorization(Auth.AuthRoles.StaffPolicy).ScopedBy(ScopeKind.Filtered)
            .WithSummary("The pending workflow timers (reminders, deadlines), soonest first, of the instances the account may see; communityId for one community's.");
        app.MapGet("/api/signals/pending", SignalsAsync).WithTags("Outbox").RequireAuthorization(Auth.AuthRoles.StaffPolicy).ScopedBy(ScopeKind.Filtered)
            .WithSummary("The signals received and not yet taken by their instance, oldest first, of the instances the account may see; communityId for one community's.");
        return app;
    }

    /// <summary>Lists the signals waiting for their instance.</summary>
    public static async Task<Ok<List<SignalEntry>>> SignalsAsync(InstanceQueries queries, Auth.CommunityAccess access, System.Security.Claims.ClaimsPrincipal user,
        int? take, Guid? communityId, CancellationToken cancellationToken)
    {
        var rows = await queries.PendingSignalsAsync(Math.Clamp(take ?? 100, 1, 500), await access.CommunitiesAsync(user, cancellationToken), communityId, cancellationToken);
        return TypedResults.Ok(rows.Select(s => new SignalEntry(s.Id, s.Name, s.Correlation, s.InstanceId, s.DefinitionId, s.CorrelationId, s.QueuedAt)).ToList());
    }

    /// <summary>Lists outbox messages by status.</summary>
    public static async Task<Ok<List<OutboxEntry>>> ListAsync(InstanceQueries queries, Auth.CommunityAccess access, System.Security.Claims.ClaimsPrincipal user,
        string? status, int? take, CancellationToken cancellationToken)
    {
        var normalized = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToLowerInvariant();
        if (normalized is not null && !Statuses.Contains(normalized))
            throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", $"Unknown outbox status '{status}'.")
            {
                FieldErrors = new Dictionary<string, FieldError[]> { ["status"] = [CommonFields.OneOf.With(("values", "pending, sent, failed"))] },
            };
        var rows = await queries.OutboxByStatusAsync(normalized, Math.Clamp(take ?? 100, 1, 500), cancellationToken, await access.CommunitiesAsync(user, cancellationToken));
        return TypedResults.Ok(rows.Select(Entry).ToList());
    }

    /// <summary>Sends a failed message again.</summary>
    public static async Task<NoContent> ResendAsync(Guid outboxId, InstanceQueries queries, TimeProvider time, CancellationToken cancellationToken) =>
        await queries.ResendAsync(outboxId, time.GetUtcNow(), cancellationToken) ? TypedResults.NoContent()
            : throw new WorkflowException(WorkflowErrorKind.Conflict, "outbox-not-failed", "The message has not failed (it waits or went out); nothing changed.");

    /// <summary>Lists the pending timers.</summary>
    public static async Task<Ok<List<TimerEntry>>> TimersAsync(InstanceQueries queries, Auth.CommunityAccess access, System.Security.Claims.ClaimsPrincipal user,
        int? take, Guid? communityId, CancellationToken cancellationToken)
    {
        var rows = await queries.PendingTimersAsync(Math.Clamp(take ?? 100, 1, 500), await access.CommunitiesAsync(user, cancellationToken), cancellationToken, communityId);
        return TypedResults.Ok(rows.Select(t => new TimerEntry(t.BookmarkId, t.InstanceId, t.DefinitionId, t.CorrelationId, t.DueAt)).ToList());
    }

    private static OutboxEntry Entry(InstanceQueries.OutboxStatus o) =>
        new(o.Id, o.InstanceId, o.Kind, o.CreatedAt, o.Attempts, o.NextAttemptAt, o.SentAt, o.FailedAt, o.LastError, o.Subject);
}
