using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;
using Deliberation.Engine.Validation;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// Workflow definitions: list, get, validate, save a draft, publish, export. Who sees and changes which is
/// <see cref="DefinitionAccess"/>'s rule: shared workflows are changed by administrators, a community's own by its staff.
/// </summary>
public static class WorkflowsApi
{
    /// <summary>A version as listed: <paramref name="OwnerCommunityId"/> null for a workflow shared by every community;
    /// <paramref name="CanChange"/> whether the caller may save and publish it.</summary>
    public sealed record VersionSummary(string DefinitionId, int Version, bool IsPublished, string Source, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
        string ETag, string? DisplayName, Guid? OwnerCommunityId, bool CanChange);

    /// <summary>A version with its document, and its schedule's next occurrences when it has one.</summary>
    public sealed record VersionDocument(VersionSummary Version, JsonNode? Definition, ScheduleView? Schedule = null);

    /// <summary>A version's schedule as staff see it.</summary>
    /// <param name="Cron">The cron expression.</param>
    /// <param name="TimeZone">The zone it reads in (Asia/Shanghai unless the definition names another).</param>
    /// <param name="Next">The next three occurrences, on the schedule's clock (+08:00 for Beijing time).</param>
    /// <param name="Runs">Whether this version's schedule is the one that runs: it is the newest published version.
    /// A draft's schedule runs once the draft is published.</param>
    public sealed record ScheduleView(string Cron, string TimeZone, IReadOnlyList<DateTimeOffset> Next, bool Runs);

    /// <summary>The result of a validation.</summary>
    public sealed record ValidationResult(bool Valid, IReadOnlyList<DefinitionProblem> Problems);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(Auth.AuthRoles.StaffPolicy);
        api.MapGet("/", ListAsync).ScopedBy(ScopeKind.Filtered).WithSummary("Lists definitions (newest version of each).");
        api.MapGet("/{id}", GetAsync).ScopedBy(ScopeKind.DefinitionRoute).WithSummary("Gets the newest version of a definition, or ?version=N.");
        api.MapGet("/{id}/versions", ListVersionsAsync).ScopedBy(ScopeKind.DefinitionRoute).WithSummary("Lists the versions of a definition.");
        api.MapPost("/validate", ValidateAsync).ScopedBy(ScopeKind.NotCommunityData).Accepts<WorkflowDefinition>("application/json").WithSummary("Validates a definition without saving it.");
        api.MapPut("/{id}", SaveDraftAsync).ScopedBy(ScopeKind.DefinitionRoute).Accepts<WorkflowDefinition>("application/json")
            .WithSummary("Saves a draft (a new version after a published one). Send If-Match with the ETag you loaded to detect concurrent edits. "
                + "A new workflow belongs to ?communityId= (or your only community); administrators naming none make a shared one.");
        api.MapPost("/{id}/versions/{version:int}/publish", PublishAsync).ScopedBy(ScopeKind.DefinitionRoute).WithSummary("Publishes a draft; published versions never change.");
        api.MapGet("/{id}/versions/{version:int}/export", ExportAsync).ScopedBy(ScopeKind.DefinitionRoute).WithSummary("Downloads a version as a JSON file.");
        return app;
    }

    /// <summary>Lists definitions.</summary>
    public static async Task<Ok<List<VersionSummary>>> ListAsync(IDefinitionStore store, DefinitionAccess access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(user, await store.ListLatestAsync(cancellationToken), cancellationToken);
        var list = new List<VersionSummary>(visible.Count);
        foreach (var v in visible) list.Add(Summary(v, await access.CanChangeAsync(user, v, cancellationToken)));
        return TypedResults.Ok(list);
    }

    /// <summary>Gets a version.</summary>
    public static async Task<Results<Ok<VersionDocument>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(
        string id, int? version, IDefinitionStore store, DefinitionAccess access, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var latest = await access.SeenAsync(http.User, id, cancellationToken);
        var record = version is { } v ? await store.GetAsync(id, v, cancellationToken) : latest;
        if (record is null) return NotFound(http, id, version);
        http.Response.Headers.ETag = record.ETag;
        return TypedResults.Ok(new VersionDocument(Summary(record, await access.CanChangeAsync(http.User, latest, cancellationToken)), JsonNode.Parse(record.Json),
            await ScheduleOfAsync(record, store, time, cancellationToken)));
    }

    private static async Task<ScheduleView?> ScheduleOfAsync(DefinitionVersion record, IDefinitionStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        WorkflowSchedule? schedule;
        try { schedule = DefinitionJson.Parse(record.Json).Schedule; }
        catch (System.Text.Json.JsonException) { return null; }
        if (schedule is null || ScheduleCalendar.TryCreate(schedule) is not { } calendar) return null;
        var runs = record.IsPublished && (await store.GetLatestPublishedAsync(record.DefinitionId, cancellationToken))?.Version == record.Version;
        return new ScheduleView(schedule.Cron.Trim(), calendar.Zone.Id, calendar.Next(time.GetUtcNow(), 3), runs);
    }

    /// <summary>Lists versions.</summary>
    public static async Task<Results<Ok<List<VersionSummary>>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> ListVersionsAsync(
        string id, IDefinitionStore store, DefinitionAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var latest = await access.SeenAsync(http.User, id, cancellationToken);
        var canChange = await access.CanChangeAsync(http.User, latest, cancellationToken);
        var versions = await store.ListVersionsAsync(id, withJson: true, cancellationToken);
        return versions.Count == 0 ? NotFound(http, id, null) : TypedResults.Ok(versions.Select(v => Summary(v, canChange)).ToList());
    }

    /// <summary>Validates a definition.</summary>
    public static async Task<Ok<ValidationResult>> ValidateAsync(HttpRequest request, DefinitionValidator validator, DefinitionService definitions,
        CancellationToken cancellationToken)
    {
        var problems = validator.Validate(await ReadBodyAsync(request, cancellationToken), out var definition);
        // The workflows it runs (RunWorkflow) must be published; whose they may be is checked when it is saved, where the owner is known.
        if (problems.Count == 0 && definition is not null)
            problems = await definitions.ValidateChildWorkflowsAsync(definition, null, checkOwner: false, cancellationToken);
        return TypedResults.Ok(new ValidationResult(problems.Count == 0, problems));
    }

    /// <summary>Saves a draft.</summary>
    public static async Task<Results<Ok<VersionSummary>, BadRequest<Microsoft.AspNetCore.Mvc.ProblemDetails>>> SaveDraftAsync(
        string id, Guid? communityId, HttpRequest request, DefinitionService definitions, DefinitionAccess access, CommunityStore communities,
        CancellationToken cancellationToken)
    {
        var owner = await access.OwnerForSaveAsync(request.HttpContext.User, id, communityId, cancellationToken);
        var json = await ReadBodyAsync(request, cancellationToken);
        var problems = definitions.Validator.Validate(json, out var definition);
        if (problems.Count == 0 && definition!.Id != id)
        {
            return TypedResults.BadRequest(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 400, Title = ProblemTitles.For("invalid-definition", request.Headers.AcceptLanguage),
                Detail = $"The document's id '{definition.Id}' differs from the id in the address '{id}'.",
                Extensions = { ["code"] = "invalid-definition" },
            });
        }
        if (problems.Count == 0) await RequireKnownCommunitiesAsync(definition!.Schedule, communities, cancellationToken);
        var saved = await definitions.SaveDraftAsync(json, request.Headers.IfMatch.FirstOrDefault(), owner, cancellationToken);
        request.HttpContext.Response.Headers.ETag = saved.ETag;
        return TypedResults.Ok(Summary(saved, canChange: true));
    }

    /// <summary>Publishes a draft.</summary>
    public static async Task<Ok<VersionSummary>> PublishAsync(string id, int version, HttpRequest request, DefinitionService definitions, DefinitionAccess access,
        CancellationToken cancellationToken)
    {
        await access.RequireChangeAsync(request.HttpContext.User, id, cancellationToken);
        var published = await definitions.PublishAsync(id, version, request.Headers.IfMatch.FirstOrDefault(), cancellationToken);
        request.HttpContext.Response.Headers.ETag = published.ETag;
        return TypedResults.Ok(Summary(published, canChange: true));
    }

    /// <summary>Exports a version as a file.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> ExportAsync(
        string id, int version, IDefinitionStore store, DefinitionAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        await access.SeenAsync(http.User, id, cancellationToken);
        var record = await store.GetAsync(id, version, cancellationToken);
        if (record is null) return NotFound(http, id, version);
        var pretty = DefinitionJson.Write(DefinitionJson.Parse(record.Json));
        return TypedResults.File(Encoding.UTF8.GetBytes(pretty), "application/json", $"{id}.v{version}.json");
    }

    /// <summary>A shared schedule's communities must exist (only administrators change shared workflows, and they see every community).</summary>
    private static async Task RequireKnownCommunitiesAsync(WorkflowSchedule? schedule, CommunityStore communities, CancellationToken cancellationToken)
    {
        var problems = new List<DefinitionProblem>();
        var listed = schedule?.CommunityIds ?? [];
        for (var i = 0; i < listed.Count; i++)
            if (await communities.GetCommunityAsync(listed[i], cancellationToken) is null)
                problems.Add(new DefinitionProblem($"schedule.communityIds[{i}]", "unknown-community", $"There is no community {listed[i]}."));
        if (problems.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-definition", $"The definition has {problems.Count} problem(s).")
            {
                Errors = problems.ToDictionary(p => p.Path, p => new[] { p.Message }),
                Problems = problems,
            };
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static VersionSummary Summary(DefinitionVersion v, bool canChange)
    {
        string? name = null;
        if (v.Json.Length > 0)
        {
            try { name = DefinitionJson.Parse(v.Json).DisplayName?.ZhCN; }
            catch (System.Text.Json.JsonException) { /* listed without a name */ }
        }
        return new(v.DefinitionId, v.Version, v.IsPublished, v.Source, v.CreatedAt, v.PublishedAt, v.ETag, name, v.OwnerCommunityId, canChange);
    }

    private static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> NotFound(HttpContext http, string id, int? version) =>
        TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 404,
            Title = ProblemTitles.For("definition-not-found", http.Request.Headers.AcceptLanguage),
            Detail = version is null ? $"There is no workflow '{id}'." : $"Workflow '{id}' has no version {version}.",
            Extensions = { ["code"] = "definition-not-found" },
        });
}
