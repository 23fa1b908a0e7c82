using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Host.Auth;
using Deliberation.Persistence;
using Deliberation.Persistence.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>Instances: start, list, get, journal, cancel, signal, resume a bookmark, retry an incident.</summary>
public static class InstancesApi
{
    /// <summary>Header carrying an idempotency key.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>A request to start an instance.</summary>
    public sealed record StartInstanceRequest(string DefinitionId, int? Version, JsonObject? Input, string? CorrelationId, Guid? CommunityId = null);

    /// <summary>An instance as listed.</summary>
    public sealed record InstanceSummary(Guid Id, string DefinitionId, int DefinitionVersion, string Status, string? CorrelationId,
        Guid? CommunityId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt);

    /// <summary>A page of instances.</summary>
    public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, int Total, int Skip, int Take);

    /// <summary>An instance in full: where it waits, its variables, the last output of each activity, and open incidents.</summary>
    public sealed record InstanceDetails(InstanceSummary Instance, IReadOnlyList<WaitingActivity> Waiting,
        IReadOnlyDictionary<string, JsonNode?> Variables, IReadOnlyDictionary<string, JsonNode?> Outputs, IReadOnlyList<IncidentView> Incidents,
        IReadOnlyList<QueuedSignalView> QueuedSignals, IReadOnlyDictionary<string, JsonObject> Inputs);

    /// <summary>A signal in the instance's inbox that no bookmark has taken yet (payload left out: it may name people).</summary>
    public sealed record QueuedSignalView(Guid Id, string Name, string? Correlation, DateTimeOffset QueuedAt);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(AuthRoles.StaffPolicy);
        api.MapPost("/", StartAsync).ScopedBy(ScopeKind.BodyCommunity).WithSummary("Starts an instance of a published workflow. Send Idempotency-Key to make retries safe.");
        api.MapGet("/", ListAsync).ScopedBy(ScopeKind.Filtered).WithSummary("Lists instances, newest first; filter by definitionId, status, correlationId.");
        api.MapGet("/{id:guid}", GetAsync).RequireInstanceScope().WithSummary("Gets an instance: status, what it waits on, variables, incidents.");
        api.MapGet("/{id:guid}/journal", JournalAsync).RequireInstanceScope().WithSummary("The instance's journal, in order.");
        api.MapPost("/{id:guid}/cancel", CancelAsync).RequireInstanceScope().WithSummary("Cancels the instance and its timers.");
        api.MapPost("/{id:guid}/signals/{signal}", SignalAsync).RequireInstanceScope().Accepts<JsonNode>("application/json")
            .WithSummary("Sends a named signal with an optional JSON payload; every activity waiting for it resumes.");
        api.MapPost("/{id:guid}/bookmarks/{bookmarkId:guid}/resume", ResumeAsync).RequireInstanceScope().Accepts<JsonNode>("application/json")
            .WithSummary("Resumes one bookmark. A consumed bookmark answers 409 and changes nothing.");
        api.MapPost("/{id:guid}/incidents/{incidentId:guid}/retry", RetryAsync).RequireInstanceScope().WithSummary("Re-runs the faulted activity of an incident.");
        app.MapGet("/api/incidents", IncidentsAsync).WithTags("Instances").RequireAuthorization(AuthRoles.StaffPolicy).ScopedBy(ScopeKind.Filtered).WithSummary("Open incidents across instances.");
        return app;
    }

    /// <summary>Starts an instance.</summary>
    public static async Task<Created<StepReport>> StartAsync(StartInstanceRequest request, HttpRequest http, WorkflowRuntime runtime, CommunityAccess access,
        DefinitionService definitions, ICivicDatabase database, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "definitionId is required.") { FieldErrors = new Dictionary<string, FieldError[]> { ["definitionId"] = [CommonFields.Required.Error()] } };
        if (!await access.CanSeeAsync(http.HttpContext.User, request.CommunityId, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Choose one of your communities.")
                { FieldErrors = new Dictionary<string, FieldError[]> { ["communityId"] = [ApiFields.NotYourCommunity.Error()] } };
        var workflow = await definitions.GetRunnableAsync(request.DefinitionId, request.Version, cancellationToken);
        await PickedInputs.CheckAsync(workflow.Definition, request.Input, request.CommunityId, database, cancellationToken);
        var report = await runtime.StartAsync(new StartRequest(request.DefinitionId, request.Version, request.Input, request.CorrelationId, Key(http), request.CommunityId), cancellationToken);
        return TypedResults.Created($"/api/instances/{report.InstanceId}", report);
    }

    /// <summary>Lists instances.</summary>
    public static async Task<Ok<InstancePage>> ListAsync(InstanceQueries queries, CommunityAccess access, ClaimsPrincipal user, string? definitionId, string? status,
        string? correlationId, Guid? communityId, int? skip, int? take, CancellationToken cancellationToken)
    {
        // A status that is none (a misspelt "Completed") would list nothing and look like an answer: it is refused at the field.
        if (!string.IsNullOrEmpty(status))
        {
            status = Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var known) && Enum.IsDefined(known) && !int.TryParse(status, out _)
                ? known.ToString()
                : throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", $"Unknown status '{status}'.")
                {
                    FieldErrors = new Dictionary<string, FieldError[]>
                    {
                        ["status"] = [ApiFields.InstanceStatus.With(("statuses", string.Join(", ", Enum.GetNames<InstanceStatus>())))],
                    },
                };
        }
        var s = Math.Max(0, skip ?? 0);
        var t = Math.Clamp(take ?? 50, 1, 500);
        var scopes = await access.CommunitiesAsync(user, cancellationToken);
        var (items, total) = await queries.ListAsync(definitionId, status, correlationId, communityId, scopes, s, t, cancellationToken);
        return TypedResults.Ok(new InstancePage(items.Select(Summary).ToList(), total, s, t));
    }

    /// <summary>Gets an instance.</summary>
    public static async Task<Ok<InstanceDetails>> GetAsync(Guid id, HttpRequest http, IWorkflowStore store, InstanceQueries queries, CommunityAccess access,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var instance = await VisibleAsync(id, store, access, user, cancellationToken);
        var language = http.Headers.AcceptLanguage.ToString();
        var incidents = (await queries.IncidentsAsync(id, includeResolved: false, cancellationToken)).Select(i => IncidentTexts.View(i, language)).ToList();
        var summary = new InstanceSummary(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status.ToString(),
            instance.CorrelationId, instance.ScopeId, instance.CreatedAt, instance.UpdatedAt, instance.EndedAt);
        var queued = (await store.GetQueuedSignalsAsync(id, cancellationToken)).Select(q => new QueuedSignalView(q.Id, q.Name, q.Correlation, q.CreatedAt)).ToList();
        return TypedResults.Ok(new InstanceDetails(summary, StepReport.Of(instance).Waiting, instance.State.Variables, instance.State.Outputs, incidents, queued,
            instance.State.Inputs));
    }

    /// <summary>The journal.</summary>
    public static async Task<Ok<IReadOnlyList<JournalRow>>> JournalAsync(Guid id, long? after, int? take, InstanceQueries queries, IWorkflowStore store,
        CommunityAccess access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await VisibleAsync(id, store, access, user, cancellationToken);
        return TypedResults.Ok(await queries.JournalAsync(id, after ?? 0, Math.Clamp(take ?? 1000, 1, 5000), cancellationToken));
    }

    /// <summary>Cancels an instance.</summary>
    public static async Task<Ok<StepReport>> CancelAsync(Guid id, HttpRequest http, WorkflowRuntime runtime, IWorkflowStore store, CommunityAccess access,
        CancellationToken cancellationToken)
    {
        await VisibleAsync(id, store, access, http.HttpContext.User, cancellationToken);
        return TypedResults.Ok(await runtime.CancelAsync(id, Key(http), cancellationToken));
    }

    /// <summary>Sends a signal.</summary>
    public static async Task<Ok<StepReport>> SignalAsync(Guid id, string signal, HttpRequest http, WorkflowRuntime runtime, IWorkflowStore store,
        CommunityAccess access, CancellationToken cancellationToken)
    {
        await VisibleAsync(id, store, access, http.HttpContext.User, cancellationToken);
        return TypedResults.Ok(await runtime.SignalAsync(id, signal, await ReadPayloadAsync(http, cancellationToken), Key(http), cancellationToken));
    }

    /// <summary>Resumes a bookmark.</summary>
    public static async Task<Ok<StepReport>> ResumeAsync(Guid id, Guid bookmarkId, HttpRequest http, WorkflowRuntime runtime, IWorkflowStore store,
        CommunityAccess access, CancellationToken cancellationToken)
    {
        await VisibleAsync(id, store, access, http.HttpContext.User, cancellationToken);
        return TypedResults.Ok(await runtime.ResumeBookmarkAsync(id, bookmarkId, await ReadPayloadAsync(http, cancellationToken), Key(http), cancellationToken));
    }

    /// <summary>Retries an incident.</summary>
    public static async Task<Ok<StepReport>> RetryAsync(Guid id, Guid incidentId, WorkflowRuntime runtime, IWorkflowStore store, CommunityAccess access,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await VisibleAsync(id, store, access, user, cancellationToken);
        return TypedResults.Ok(await runtime.RetryIncidentAsync(id, incidentId, cancellationToken));
    }

    /// <summary>Open incidents in the account's communities.</summary>
    public static async Task<Ok<List<IncidentView>>> IncidentsAsync(HttpRequest http, InstanceQueries queries, CommunityAccess access, ClaimsPrincipal user,
        DefinitionService definitions, CancellationToken cancellationToken)
    {
        var language = http.Headers.AcceptLanguage.ToString();
        var rows = await queries.IncidentsAsync(null, includeResolved: false, cancellationToken, await access.CommunitiesAsync(user, cancellationToken));
        // Staff read "案件 DL-2026-003 · 确认参会", not an instance id and an activity id.
        var instances = await queries.InstanceRefsAsync(rows.Select(r => r.InstanceId).Distinct().ToList(), cancellationToken);
        var views = new List<IncidentView>(rows.Count);
        foreach (var row in rows)
        {
            string? label = null, correlation = null;
            if (instances.TryGetValue(row.InstanceId, out var instance))
            {
                correlation = instance.CorrelationId;
                try
                {
                    var workflow = await definitions.GetRunnableAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
                    if (workflow.TryGetNode(row.ActivityId, out var node, out _)) label = node.Label;
                }
                catch (WorkflowException)
                {
                    // The version is gone or unpublished: the activity's id is all there is to show.
                }
            }
            views.Add(IncidentTexts.View(row, language) with { ActivityLabel = label, CorrelationId = correlation });
        }
        return TypedResults.Ok(views);
    }

    /// <summary>Loads an instance the account may see; another community's instance is "not found".</summary>
    private static async Task<Deliberation.Engine.Runtime.WorkflowInstance> VisibleAsync(Guid id, IWorkflowStore store, CommunityAccess access, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var instance = await store.GetInstanceAsync(id, cancellationToken);
        return instance is not null && await access.CanSeeAsync(user, instance.ScopeId, cancellationToken)
            ? instance
            : throw new WorkflowException(WorkflowErrorKind.NotFound, "instance-not-found", $"There is no instance {id}.");
    }

    private static async Task<JsonNode?> ReadPayloadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(http.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new WorkflowException(WorkflowErrorKind.Invalid, "malformed-json", $"The payload is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>The longest Idempotency-Key accepted.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>
    /// The request's Idempotency-Key, scoped to the signed-in account: two accounts (or communities) using the same key
    /// never see each other's requests, nor learn that a key was used.
    /// </summary>
    private static string? Key(HttpRequest http)
    {
        if (!http.Headers.TryGetValue(IdempotencyHeader, out var values) || string.IsNullOrWhiteSpace(values)) return null;
        var key = values.ToString();
        if (key.Length > MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
            throw new WorkflowException(WorkflowErrorKind.Invalid, "idempotency-key-invalid",
                $"An Idempotency-Key is 1–{MaxIdempotencyKeyLength} visible ASCII characters, e.g. a UUID.");
        var account = CommunityAccess.UserId(http.HttpContext.User) ?? Guid.Empty;
        return $"{account:N}:{key}";
    }

    private static InstanceSummary Summary(InstanceRow i) =>
        new(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CorrelationId, i.ScopeId, i.CreatedAt, i.UpdatedAt, i.EndedAt);
}
