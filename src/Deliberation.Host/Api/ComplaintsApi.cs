using System.Security.Claims;
using System.Text.Json.Nodes;
using Deliberation.Civic.Issues;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Deliberation.Persistence;
using Deliberation.Persistence.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Host.Api;

/// <summary>
/// Step 1 of 烦事有计倾, anchoring the issue (锚定问题): building heads log residents' complaints (with
/// photos, from their phones); staff merge duplicates, read the ranking and anchor one as the issue of a
/// deliberation, which starts its workflow and sends the public notice (公示) to the building heads.
/// </summary>
public static class ComplaintsApi
{
    /// <summary>The workflow an anchored issue starts when the request names none and the catalogue names none for its kind.</summary>
    public const string DefaultDefinitionId = LaunchProposal.DefaultDefinitionId;

    /// <summary>A complaint to log; see <see cref="ComplaintDraft"/> for each field.</summary>
    public sealed record LogComplaintRequest(string? CategoryCode, string? Title, string? Description, int? Severity, int? Urgency, int? ReporterCount,
        List<Guid>? BuildingGroupIds, List<Guid>? HouseholdIds, List<Guid>? ReporterPersonIds, decimal? ElderlyPercent = null);

    /// <summary>Complaints to merge into the one in the address.</summary>
    public sealed record MergeRequest(List<Guid>? SourceIds);

    /// <summary>
    /// Which workflow to start (default: the one the community's catalogue names for the complaint's kind, else
    /// <c>fanshi-youjiqing</c>), its further inputs, and who sits as each advisor the kind requires (default: the first of
    /// the roster with that role; <c>personId: null</c> for nobody now).
    /// </summary>
    public sealed record AnchorRequest(string? DefinitionId, JsonObject? Input, List<AdvisorChoice>? Advisors = null);

    /// <summary>A complaint's place in the ranking and the parts of its score.</summary>
    public sealed record RankingEntry(int Rank, Guid ComplaintId, string Title, string CategoryCode, int ReporterCount, int Urgency, int Severity,
        DateTimeOffset LoggedAt, double Score, IReadOnlyList<ScorePart> Parts, int AffectedHouseholds, int CommunityHouseholds);

    /// <summary>The ranking and the weights that made it.</summary>
    public sealed record RankingResponse(RankingOptions Weights, IReadOnlyList<RankingEntry> Items);

    /// <summary>
    /// An anchored issue: the complaint, its workflow instance, why it ranked, the notices sent, and — when its kind requires
    /// advisors or rules — the case opened with the advisors seated and the advisor kinds nobody was seated for (staff add them).
    /// </summary>
    public sealed record AnchorResponse(Complaint Complaint, StepReport Instance, RankingEntry Ranking, int NoticesQueued, IReadOnlyList<string> BuildingsWithoutNotice,
        Guid? CaseId = null, IReadOnlyList<SeatedAdvisor>? Advisors = null, IReadOnlyList<string>? MissingAdvisors = null);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalogue", (MattersCatalogue catalogue) => TypedResults.Ok(catalogue.Matters)).WithTags("Complaints").ScopedBy(ScopeKind.NotCommunityData)
            .RequireAuthorization(AuthRoles.CommunityPolicy)
            .WithSummary("Lists the configured deliberation matters catalogue (协商事项指导目录) every community starts from; a community's own is GET /api/communities/{id}/catalogue.");

        // Building heads log and read; staff also merge and anchor.
        var api = app.MapGroup("/api/communities/{communityId:guid}/complaints").WithTags("Complaints")
            .RequireAuthorization(AuthRoles.CommunityPolicy).RequireCommunityScope();
        api.MapPost("/", LogAsync).WithSummary("Logs a complaint for residents: category, title, severity and urgency 1–5, affected building groups and households, reporters.");
        api.MapGet("/", ListAsync).WithSummary("Lists complaints, newest first; filter by status (open, merged, anchored, closed).");
        api.MapGet("/ranking", RankingAsync).WithSummary("Open complaints ranked by score, with each part of the score (see README, Ranking complaints).");
        api.MapGet("/{id:guid}", GetAsync).WithSummary("Gets a complaint with its affected scopes, reporters, photos and history.");
        api.MapPost("/{id:guid}/photos", AddPhotoAsync).Accepts<IFormFile>("multipart/form-data")
            .WithSummary($"Attaches a photo (form field 'photo'): JPEG, PNG or WebP, at most 5 MB and {PhotoSanitizer.MaxPixels / 1_000_000} megapixels, " +
                $"at most {ComplaintPhotos.MaxPerComplaint} per complaint; stored re-encoded as JPEG (PNG when transparent), upright, without metadata.");
        api.MapGet("/{id:guid}/photos/{photoId:guid}", PhotoAsync).WithSummary("Downloads a photo.");
        api.MapPost("/{id:guid}/merge", MergeAsync).RequireAuthorization(AuthRoles.StaffPolicy)
            .WithSummary("Merges duplicates (sourceIds) into this complaint, keeping their reporters, households and history; undo with unmerge.");
        api.MapPost("/{id:guid}/unmerge", UnmergeAsync).RequireAuthorization(AuthRoles.StaffPolicy)
            .WithSummary("Undoes the merge of this complaint: it is open again and what it brought leaves the complaint it was merged into.");
        api.MapPost("/{id:guid}/anchor", AnchorAsync).RequireAuthorization(AuthRoles.StaffPolicy)
            .WithSummary("Anchors the complaint as a deliberation's issue: a case number, the workflow its kind's catalogue entry names started (or the one given), " +
                "the public notice (公示) emailed to the affected building heads, and the advisors the kind requires seated on the case's panel.");
        return app;
    }

    /// <summary>Logs a complaint; a building head logs for the buildings they head only.</summary>
    public static async Task<Created<ComplaintDetails>> LogAsync(Guid communityId, LogComplaintRequest request, HttpRequest http, ComplaintStore complaints,
        UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        var draft = new ComplaintDraft(request.CategoryCode, request.Title, request.Description, request.Severity, request.Urgency, request.ReporterCount,
            request.BuildingGroupIds, request.HouseholdIds, request.ReporterPersonIds, request.ElderlyPercent);
        var principal = http.HttpContext.User;
        var account = Account(principal);
        var headOf = await HeadedBuildings.OfAsync(principal, await users.FindByIdAsync(account.ToString()), communityId, complaints, cancellationToken);
        var plan = await complaints.LogAsync(communityId, draft, account, headOf, cancellationToken);
        if (!plan.IsValid)
        {
            var english = English(http);
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-complaint",
                english ? "The complaint has invalid fields; nothing was saved." : "问题登记有误，未保存，请按提示修改。")
            {
                Errors = plan.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message(english)).ToArray()),
            };
        }
        var id = plan.Complaint!.Id;
        return TypedResults.Created($"/api/communities/{communityId}/complaints/{id}", await complaints.GetAsync(communityId, id, cancellationToken));
    }

    /// <summary>Lists complaints.</summary>
    public static async Task<Ok<IReadOnlyList<Complaint>>> ListAsync(Guid communityId, string? status, HttpRequest http, ComplaintStore complaints,
        CancellationToken cancellationToken)
    {
        string[] statuses = [ComplaintStatus.Open, ComplaintStatus.Merged, ComplaintStatus.Anchored, ComplaintStatus.Closed];
        if (status is not null && !statuses.Contains(status))
            throw Invalid(http, "status", $"状态应为：{string.Join("、", statuses)}。", $"Expected one of: {string.Join(", ", statuses)}.");
        return TypedResults.Ok(await complaints.ListAsync(communityId, status, cancellationToken));
    }

    /// <summary>Ranks the open complaints.</summary>
    public static async Task<Ok<RankingResponse>> RankingAsync(Guid communityId, ComplaintStore complaints, Microsoft.Extensions.Options.IOptions<RankingOptions> weights,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new RankingResponse(weights.Value, (await complaints.RankAsync(communityId, cancellationToken)).Select(Entry).ToList()));

    /// <summary>Gets a complaint.</summary>
    public static async Task<Ok<ComplaintDetails>> GetAsync(Guid communityId, Guid id, ComplaintStore complaints, CancellationToken cancellationToken) =>
        TypedResults.Ok(await complaints.GetAsync(communityId, id, cancellationToken));

    /// <summary>Attaches a photo.</summary>
    public static async Task<Created<ComplaintPhoto>> AddPhotoAsync(Guid communityId, Guid id, HttpRequest http, ComplaintStore complaints,
        CancellationToken cancellationToken)
    {
        const string field = "photo";
        var (_, sanitized) = await PhotoUploads.ReadAsync(http, field, cancellationToken);
        var photo = await complaints.AddPhotoAsync(communityId, id, sanitized, Account(http.HttpContext.User), cancellationToken)
            ?? throw Invalid(http, field, $"每个问题最多 {ComplaintPhotos.MaxPerComplaint} 张照片。", $"A complaint may have at most {ComplaintPhotos.MaxPerComplaint} photos.");
        return TypedResults.Created($"/api/communities/{communityId}/complaints/{id}/photos/{photo.Id}", photo);
    }

    /// <summary>Downloads a photo.</summary>
    public static async Task<FileContentHttpResult> PhotoAsync(Guid communityId, Guid id, Guid photoId, HttpResponse response, ComplaintStore complaints,
        CancellationToken cancellationToken)
    {
        var (photo, content) = await complaints.OpenPhotoAsync(communityId, id, photoId, cancellationToken);
        return PhotoResponses.Inline(response, photo.Id, content, photo.ContentType);
    }

    /// <summary>Merges duplicates into a complaint.</summary>
    public static async Task<Ok<ComplaintDetails>> MergeAsync(Guid communityId, Guid id, MergeRequest request, HttpRequest http, ComplaintStore complaints,
        CancellationToken cancellationToken)
    {
        if (request.SourceIds is not { Count: > 0 } sources)
            throw Invalid(http, "sourceIds", "请选择要合并的重复问题。", "Give the duplicates to merge (sourceIds).");
        if (sources.Contains(id))
            throw Invalid(http, "sourceIds", "不能把问题合并到它自己。", "A complaint cannot be merged into itself.");
        return TypedResults.Ok(await complaints.MergeAsync(communityId, id, sources, Account(http.HttpContext.User), cancellationToken));
    }

    /// <summary>Undoes a merge.</summary>
    public static async Task<Ok<ComplaintDetails>> UnmergeAsync(Guid communityId, Guid id, ClaimsPrincipal user, ComplaintStore complaints, CancellationToken cancellationToken) =>
        TypedResults.Ok(await complaints.UnmergeAsync(communityId, id, Account(user), cancellationToken));

    /// <summary>Anchors a complaint as a deliberation's issue.</summary>
    public static async Task<Ok<AnchorResponse>> AnchorAsync(Guid communityId, Guid id, AnchorRequest? request, ClaimsPrincipal user, ComplaintStore complaints,
        CancellationToken cancellationToken)
    {
        var definitionId = string.IsNullOrWhiteSpace(request?.DefinitionId) ? null : request.DefinitionId.Trim();
        var anchored = await complaints.AnchorAsync(communityId, id, definitionId, request?.Input, request?.Advisors, Account(user), cancellationToken);
        return TypedResults.Ok(new AnchorResponse(anchored.Complaint, anchored.Instance, Entry(anchored.Ranking), anchored.NoticesQueued, anchored.BuildingsWithoutNotice,
            anchored.CaseId, anchored.Advisors, anchored.MissingAdvisors));
    }

    private static RankingEntry Entry(RankedComplaint r) => new(r.Rank, r.Complaint.Id, r.Complaint.Title, r.Complaint.CategoryCode, r.Complaint.ReporterCount,
        r.Complaint.Urgency, r.Complaint.Severity, r.Complaint.LoggedAt, r.Score, r.Parts, r.AffectedHouseholds, r.CommunityHouseholds);

    /// <summary>The signed-in account; the fallback policy lets no request without one get here.</summary>
    private static Guid Account(ClaimsPrincipal user) =>
        CommunityAccess.UserId(user) ?? throw new InvalidOperationException("The signed-in account has no id claim.");

    private static bool English(HttpRequest http) => ProblemTitles.PrefersEnglish(http.Headers.AcceptLanguage.ToString());

    private static WorkflowException Invalid(HttpRequest http, string field, string zh, string en) => PhotoUploads.Invalid(http, field, zh, en);
}
