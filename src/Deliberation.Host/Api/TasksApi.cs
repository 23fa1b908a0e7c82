using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Deliberation.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>Participation tasks for staff: ask a person by link, see answers, reissue a link, enter an answer on someone's behalf.</summary>
public static class TasksApi
{
    /// <summary>A request to ask a person something.</summary>
    /// <param name="PersonId">Who answers; a person of the community.</param>
    /// <param name="Purpose"><c>ballot</c>, <c>time-poll</c>, <c>rsvp</c>, <c>vote</c> or <c>progress</c>.</param>
    /// <param name="Title">The question.</param>
    /// <param name="Data"><c>{"options":[{"value":"a","label":"同意"}], "multiple": false, "allowComment": true, "description": "…"}</c>; omit for a written answer.</param>
    /// <param name="ClosesAt">The deadline; answers can change until then.</param>
    /// <param name="InstanceId">The workflow instance waiting for the answer.</param>
    /// <param name="SignalName">The signal the answer sends it.</param>
    public sealed record CreateTaskRequest(Guid PersonId, string? Purpose, string? Title, JsonObject? Data, DateTimeOffset? ClosesAt,
        Guid? InstanceId, string? SignalName);

    /// <summary>A created task and the link to send.</summary>
    public sealed record CreatedTaskResponse(Guid TaskId, string Link);

    /// <summary>A new link, and whether it was emailed to the person (false when they have no email: the building head answers for them).</summary>
    public sealed record LinkResponse(string Link, bool Emailed);

    /// <summary>An answer entered on a person's behalf.</summary>
    /// <param name="Answer"><c>{"choice":"a"}</c>, <c>{"choices":["a","b"]}</c> or <c>{"comment":"…"}</c>, with an optional <c>comment</c>.</param>
    public sealed record ProxyAnswerRequest(JsonObject? Answer);

    /// <summary>An answer as staff see it.</summary>
    /// <param name="PhotoUrl">Where its photo is (a paper sheet's, or one sent with a progress report by link); null for none.</param>
    public sealed record AnswerEntry(Guid Id, JsonNode? Answer, string Channel, Guid? EnteredByUserId, DateTimeOffset AnsweredAt, bool IsCurrent,
        string? PhotoUrl = null);

    /// <summary>A task with its current answer and every answer given, oldest first.</summary>
    public sealed record TaskDetails(Guid Id, Guid CommunityId, Guid PersonId, string Purpose, string Title, JsonNode? Data,
        DateTimeOffset CreatedAt, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt, bool IsClosed, int LinkVersion,
        Guid? InstanceId, string? SignalName, AnswerEntry? Current, IReadOnlyList<AnswerEntry> History);

    /// <summary>An open task of a resident without email, to answer on their behalf.</summary>
    /// <param name="Data">The task's form: options, whether several may be chosen, whether a comment is allowed, its description.</param>
    /// <param name="HouseholdId">Their household, the number printed on its paper sheet (for a paper answer).</param>
    public sealed record ProxyTaskView(Guid TaskId, Guid PersonId, string PersonName, string? Building, string? Unit, string Purpose, string Title,
        JsonNode? Data, DateTimeOffset? ClosesAt, bool Answered, Guid? HouseholdId);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/communities/{communityId:guid}/tasks", CreateAsync).WithTags("Tasks")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope()
            .WithSummary("Asks a person of the community something; answers 201 with the signed link to send them.");
        var api = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(AuthRoles.StaffPolicy).RequireTaskScope();
        api.MapGet("/{taskId:guid}", GetAsync).WithSummary("Gets a task with its current answer and answer history (channel, who entered it, when).");
        api.MapPost("/{taskId:guid}/reissue-link", ReissueLinkAsync).WithSummary("Makes a new link and emails it to the person when they have an email address; every earlier link of the task is refused from now on.");
        app.MapGet("/api/communities/{communityId:guid}/tasks/for-proxy", ListForProxyAsync).WithTags("Tasks")
            .RequireAuthorization(AuthRoles.CommunityPolicy).RequireCommunityScope()
            .WithSummary("Lists the open tasks of residents without email, to answer on their behalf (?households=true: the paper sheets' tasks, one per household and question, email or not): a building head's own buildings, or the whole community for staff.");
        // Building heads enter paper ballots for residents without email.
        app.MapPost("/api/tasks/{taskId:guid}/proxy-answer", ProxyAnswerAsync).WithTags("Tasks")
            .RequireAuthorization(AuthRoles.CommunityPolicy).RequireTaskScope()
            .WithSummary("Records an answer on the person's behalf (a paper ballot), as channel \"proxy\" with who entered it.");
        return app;
    }

    /// <summary>Lists the open tasks of residents without email, or every household's (a building head sees their own buildings').</summary>
    public static async Task<Ok<List<ProxyTaskView>>> ListForProxyAsync(Guid communityId, bool? households, TaskStore tasks, Civic.Issues.ComplaintStore complaints,
        Microsoft.AspNetCore.Identity.UserManager<Persistence.Identity.StaffUser> users, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var account = CommunityAccess.UserId(user) is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        var buildings = await HeadedBuildings.OfAsync(user, account, communityId, complaints, cancellationToken);
        var listed = await tasks.ListForProxyAsync(communityId, buildings, households == true, cancellationToken);
        return TypedResults.Ok(listed.Select(p => new ProxyTaskView(p.Task.Id, p.Task.PersonId, p.PersonName, p.Building, p.Unit, p.Task.Purpose, p.Task.Title,
            string.IsNullOrEmpty(p.Task.Data) ? null : JsonNode.Parse(p.Task.Data), p.Task.ClosesAt, p.Answered, p.HouseholdId)).ToList());
    }

    /// <summary>Creates a task.</summary>
    public static async Task<Created<CreatedTaskResponse>> CreateAsync(Guid communityId, CreateTaskRequest request, TaskStore tasks, CancellationToken cancellationToken)
    {
        var created = await tasks.CreateAsync(new TaskDraft(communityId, request.PersonId, request.Purpose, request.Title, request.Data,
            request.ClosesAt, request.InstanceId, request.SignalName), cancellationToken);
        return TypedResults.Created($"/api/tasks/{created.Task.Id}", new CreatedTaskResponse(created.Task.Id, created.Link));
    }

    /// <summary>Gets a task.</summary>
    public static async Task<Ok<TaskDetails>> GetAsync(Guid taskId, TaskStore tasks, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = await tasks.GetAsync(taskId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "task-not-found", $"There is no task {taskId}.");
        return TypedResults.Ok(Details(snapshot, time.GetUtcNow()));
    }

    /// <summary>Reissues a task's link.</summary>
    public static async Task<Ok<LinkResponse>> ReissueLinkAsync(Guid taskId, TaskStore tasks, CancellationToken cancellationToken)
    {
        var reissued = await tasks.ReissueLinkAsync(taskId, cancellationToken);
        return TypedResults.Ok(new LinkResponse(reissued.Link, reissued.Emailed));
    }

    /// <summary>Records an answer on a person's behalf.</summary>
    public static async Task<Ok<TaskDetails>> ProxyAnswerAsync(Guid taskId, ProxyAnswerRequest request, TaskStore tasks, TimeProvider time,
        System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // Who entered it is the signed-in account, never a value the client chooses.
        var enteredBy = CommunityAccess.UserId(user)
            ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to enter an answer on someone's behalf.");
        var snapshot = await tasks.RecordProxyAnswerAsync(taskId, request.Answer, enteredBy, cancellationToken);
        return TypedResults.Ok(Details(snapshot, time.GetUtcNow()));
    }

    private static TaskDetails Details(TaskSnapshot s, DateTimeOffset now) => new(
        s.Task.Id, s.Task.CommunityId, s.Task.PersonId, s.Task.Purpose, s.Task.Title, Parse(s.Task.Data), s.Task.CreatedAt, s.Task.ClosesAt,
        s.Task.ClosedAt, s.Task.IsClosedAt(now), s.Task.LinkVersion, s.Task.InstanceId, s.Task.SignalName,
        s.Current is null ? null : Entry(s.Task, s.Current), s.History.Select(a => Entry(s.Task, a)).ToList());

    private static AnswerEntry Entry(ParticipationTask task, TaskAnswer a) => new(a.Id, Parse(a.Answer), a.Channel, a.EnteredByUserId, a.AnsweredAt, a.IsCurrent,
        a.PhotoSha256 is null ? null : $"/api/communities/{task.CommunityId}/tasks/{task.Id}/answers/{a.Id}/photo");

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
