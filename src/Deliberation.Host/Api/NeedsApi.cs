using Deliberation.Civic.Needs;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// The community's needs list (需求清单, 急需解决 / 长期解决): requests staff enter or feed from complaints, which the 三单
/// workflow (<c>workflows/sandan.json</c>) publishes for units and party members to claim; staff follow who claimed what,
/// what is overdue, close a need, and record the follow-up (回访) they took themselves.
/// </summary>
public static class NeedsApi
{
    /// <summary>A need as staff write it.</summary>
    /// <param name="Title">What is needed, e.g. 3栋楼道灯不亮.</param>
    /// <param name="Description">More about it, or null.</param>
    /// <param name="Kind"><c>urgent</c> (急需解决) or <c>long-term</c> (长期解决).</param>
    /// <param name="RequesterPersonId">The resident who asked (a person of the roster), who confirms it is done; null when staff confirm.</param>
    /// <param name="DueAt">When it must be done by, or null (it is then due a while after it is claimed).</param>
    public sealed record NeedRequest(string? Title, string? Description, string? Kind, Guid? RequesterPersonId, DateTimeOffset? DueAt);

    /// <summary>A need fed from a complaint: its title and description come from the complaint unless given.</summary>
    /// <param name="ComplaintId">The complaint.</param>
    /// <param name="Kind"><c>urgent</c> or <c>long-term</c>.</param>
    /// <param name="Title">Another title, or null for the complaint's.</param>
    /// <param name="Description">Another description, or null for the complaint's.</param>
    /// <param name="RequesterPersonId">The requester, or null for the complaint's first named reporter.</param>
    /// <param name="DueAt">The due date, or null.</param>
    public sealed record FromComplaintRequest(Guid ComplaintId, string? Kind, string? Title, string? Description, Guid? RequesterPersonId, DateTimeOffset? DueAt);

    /// <summary>The follow-up staff took themselves.</summary>
    /// <param name="Satisfied">Whether the requester is satisfied.</param>
    /// <param name="Comment">What they said, or null.</param>
    public sealed record ConfirmRequest(bool Satisfied, string? Comment);

    /// <summary>Who claimed a need.</summary>
    /// <param name="Name">The organisation's name, else the person's.</param>
    /// <param name="OrganisationId">The organisation of the directory, or null for a person claiming for themselves.</param>
    /// <param name="PersonId">The person who claimed.</param>
    public sealed record ClaimantView(string Name, Guid? OrganisationId, Guid? PersonId);

    /// <summary>A need of the list.</summary>
    public sealed record NeedView(
        Guid Id, string Title, string? Description, string Kind, string KindName, string Source, Guid? ComplaintId, string? ComplaintTitle,
        Guid? RequesterPersonId, string? RequesterName, string Status, bool Overdue, ClaimantView? Claimant, DateTimeOffset? DueAt,
        int Percent, string? ProgressNote, string? ProgressPhotoUrl, DateTimeOffset? ProgressAt, Guid? InstanceId, int Offered,
        DateTimeOffset? PublishedAt, DateTimeOffset? ClaimClosesAt, DateTimeOffset? ClaimedAt, DateTimeOffset? DoneAt,
        DateTimeOffset? ConfirmationAt, bool? Satisfied, string? ConfirmationComment, DateTimeOffset? ClosedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Needs")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/needs", ListAsync)
            .WithSummary($"Lists the community's needs, newest first (at most {NeedStore.MaxListed}), by status (open, published, claimed, done, confirmed, closed), kind (urgent, long-term) and overdue.");
        api.MapPost("/needs", CreateAsync).WithSummary("Enters a request on the needs list.");
        api.MapPost("/needs/from-complaint", CreateFromComplaintAsync).WithSummary("Puts a complaint on the needs list (once per complaint); its first named reporter is the requester.");
        api.MapGet("/needs/{needId:guid}", GetAsync).WithSummary("Gets a need.");
        api.MapPut("/needs/{needId:guid}", UpdateAsync).WithSummary("Changes a need's title, description, kind, requester and due date, until it is confirmed or closed.");
        api.MapPost("/needs/{needId:guid}/close", CloseAsync)
            .WithSummary("Closes a need: its links stop taking answers and a 三单 workflow waiting on it takes its Closed outcome.");
        api.MapPost("/needs/{needId:guid}/confirm", ConfirmAsync)
            .WithSummary("Records the follow-up (回访) staff took themselves on a need reported done; a 三单 workflow waiting for it goes on.");
        api.MapGet("/needs/{needId:guid}/photos/{photoId:guid}", PhotoAsync).WithSummary("Gets the photo of the claimant's last progress report that had one.");
        return app;
    }

    /// <summary>Lists the needs.</summary>
    public static async Task<Ok<List<NeedView>>> ListAsync(Guid communityId, string? status, string? kind, bool? overdue, NeedStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entries = await store.ListAsync(communityId, new NeedFilter(Blank(status), Blank(kind), overdue), cancellationToken);
        return TypedResults.Ok(entries.Select(e => View(e, now)).ToList());
    }

    /// <summary>Gets a need.</summary>
    public static async Task<Ok<NeedView>> GetAsync(Guid communityId, Guid needId, NeedStore store, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.GetAsync(communityId, needId, cancellationToken), time.GetUtcNow()));

    /// <summary>Enters a request.</summary>
    public static async Task<Created<NeedView>> CreateAsync(Guid communityId, NeedRequest request, NeedStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var view = View(await store.CreateAsync(communityId, Draft(request), cancellationToken), time.GetUtcNow());
        return TypedResults.Created($"/api/communities/{communityId}/needs/{view.Id}", view);
    }

    /// <summary>Puts a complaint on the list.</summary>
    public static async Task<Created<NeedView>> CreateFromComplaintAsync(Guid communityId, FromComplaintRequest request, NeedStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var draft = new NeedDraft(request.Title, request.Description, request.Kind, request.RequesterPersonId, request.DueAt);
        var view = View(await store.CreateFromComplaintAsync(communityId, request.ComplaintId, draft, cancellationToken), time.GetUtcNow());
        return TypedResults.Created($"/api/communities/{communityId}/needs/{view.Id}", view);
    }

    /// <summary>Changes a need.</summary>
    public static async Task<Ok<NeedView>> UpdateAsync(Guid communityId, Guid needId, NeedRequest request, NeedStore store, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.UpdateAsync(communityId, needId, Draft(request), cancellationToken), time.GetUtcNow()));

    /// <summary>Closes a need.</summary>
    public static async Task<Ok<NeedView>> CloseAsync(Guid communityId, Guid needId, NeedStore store, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.CloseAsync(communityId, needId, cancellationToken), time.GetUtcNow()));

    /// <summary>Records the follow-up staff took.</summary>
    public static async Task<Ok<NeedView>> ConfirmAsync(Guid communityId, Guid needId, ConfirmRequest request, NeedStore store, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await store.ConfirmAsync(communityId, needId, request.Satisfied, request.Comment, cancellationToken), time.GetUtcNow()));

    /// <summary>Gets a progress photo.</summary>
    public static async Task<FileContentHttpResult> PhotoAsync(Guid communityId, Guid needId, Guid photoId, HttpResponse response, NeedStore store,
        CancellationToken cancellationToken)
    {
        var (content, contentType) = await store.OpenPhotoAsync(communityId, needId, photoId, cancellationToken);
        return PhotoResponses.Inline(response, photoId, content, contentType);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static NeedDraft Draft(NeedRequest request) => new(request.Title, request.Description, request.Kind, request.RequesterPersonId, request.DueAt);

    private static NeedView View(NeedEntry entry, DateTimeOffset now)
    {
        var n = entry.Need;
        var claimant = n.ClaimantName is { } name ? new ClaimantView(name, n.ClaimantOrganisationId, n.ClaimantPersonId) : null;
        return new NeedView(n.Id, n.Title, n.Description, n.Kind, NeedKinds.ChineseName(n.Kind), n.Source, n.ComplaintId, entry.ComplaintTitle,
            n.RequesterPersonId, entry.RequesterName, n.Status, n.IsOverdueAt(now), claimant, n.DueAt, n.Percent, n.ProgressNote,
            n.ProgressPhotoId is { } photo ? $"/api/communities/{n.CommunityId}/needs/{n.Id}/photos/{photo}" : null, n.ProgressAt, n.InstanceId, entry.Offered,
            n.PublishedAt, n.ClaimClosesAt, n.ClaimedAt, n.DoneAt, n.ConfirmationAt, n.Satisfied, n.ConfirmationComment, n.ClosedAt, n.CreatedAt, n.UpdatedAt);
    }
}
