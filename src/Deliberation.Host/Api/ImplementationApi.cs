using System.Security.Claims;
using System.Text.Json.Nodes;
using Deliberation.Civic.Implementation;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Api;

/// <summary>
/// Step 5, implementation (推动落实): a case's action items per responsible party, with their progress reports and the overall
/// progress. Staff only, within their communities; the workflow's <c>AssignActionItems</c> sends them to their people.
/// </summary>
public static class ImplementationApi
{
    /// <summary>A request to create an action item.</summary>
    /// <param name="Title">What is to be done, at most 200 characters.</param>
    /// <param name="ResponsibleParty">Who carries it out, e.g. 物业公司, 业委会 (at most 100 characters); with an organisation, its name when omitted.</param>
    /// <param name="PersonId">
    /// The roster person who reports progress by link; with an organisation, its representative when omitted; omit both when
    /// staff report for the party.
    /// </param>
    /// <param name="DueAt">When it is due (ISO 8601, in the future, within three years).</param>
    /// <param name="Budget">The budget in yuan, 0 or more with at most two decimals.</param>
    /// <param name="FundingSource">Where the money comes from, e.g. 住户分摊, 社区微创投.</param>
    /// <param name="MeetingId">The meeting that resolved it, if any.</param>
    /// <param name="Funding">
    /// The budget by source, e.g. <c>[{"source":"charity-drive","amount":30000},{"source":"property-company","amount":20000}]</c>:
    /// sources are charity-drive, property-company, owners, micro-grant, government, maintenance-fund, other (with an optional
    /// <c>detail</c>, who exactly); the amounts sum to the budget, or make it when no budget is given.
    /// </param>
    /// <param name="OrganisationId">The organisation of the community's directory that owns the item (e.g. the property company), if any.</param>
    public sealed record CreateActionItemRequest(string? Title, string? ResponsibleParty, Guid? PersonId, DateTimeOffset? DueAt, decimal? Budget,
        string? FundingSource, Guid? MeetingId, IReadOnlyList<FundingShareDraft?>? Funding = null, Guid? OrganisationId = null);

    /// <summary>One source's share of an action item's budget.</summary>
    /// <param name="Source">The source's code, e.g. charity-drive.</param>
    /// <param name="Name">Its Chinese name, e.g. 慈善募捐.</param>
    /// <param name="Detail">Who exactly, if given.</param>
    /// <param name="Amount">In yuan.</param>
    public sealed record FundingShareView(string Source, string Name, string? Detail, decimal Amount);

    /// <summary>A progress report entered for the party (a phone call, a visit): <c>{"percent": 60, "done": false, "comment": "…"}</c>.</summary>
    public sealed record ProgressReportRequest(JsonObject? Report);

    /// <summary>A progress report.</summary>
    /// <param name="PhotoUrl">The photo's address in this API, if one was sent.</param>
    public sealed record ProgressView(Guid Id, int Percent, bool Done, string? Note, string? PhotoUrl, DateTimeOffset At, string Channel, Guid? EnteredByUserId);

    /// <summary>An action item with its progress.</summary>
    /// <param name="Overdue">Open past its due date.</param>
    /// <param name="Assigned">When the workflow sent it to its person; null before.</param>
    /// <param name="TaskId">The progress task (for a link reissue or a paper answer), once assigned to a person.</param>
    /// <param name="OrganisationId">The organisation of the directory that owns it, if any (<c>responsibleParty</c> is its name as it was then).</param>
    public sealed record ActionItemView(Guid Id, Guid CaseId, Guid? MeetingId, string Title, string ResponsibleParty, Guid? PersonId, string? PersonName,
        DateTimeOffset DueAt, decimal? Budget, string? FundingSource, int Percent, string Status, bool Overdue, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt,
        DateTimeOffset? Assigned, Guid? TaskId, DateTimeOffset? ReminderAt, DateTimeOffset? RemindedAt, DateTimeOffset? EscalatedAt, IReadOnlyList<ProgressView> Reports,
        IReadOnlyList<FundingShareView> Funding, Guid? OrganisationId);

    /// <summary>Overall progress: items, done, overdue, and the mean percentage (a done item counts 100).</summary>
    public sealed record OverallView(int Items, int Done, int Overdue, int Percent, bool AllDone);

    /// <summary>A case's action items and overall progress.</summary>
    public sealed record ActionItemsView(Guid CaseId, DateTimeOffset? CaseClosedAt, OverallView Overall, IReadOnlyList<ActionItemView> Items);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapImplementationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Implementation")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapPost("/cases/{caseId:guid}/action-items", CreateAsync)
            .WithSummary("Creates an action item of the case: title, responsible party, reporting person, due date, budget, funding source. Invalid fields answer 400 with errors by field.");
        api.MapGet("/cases/{caseId:guid}/follow-up", FollowUpAsync)
            .WithSummary("The case's follow-up (回访): the counts by answer, the percentage content, and each person asked with their answer and comment.");
        api.MapGet("/overview", OverviewAsync)
            .WithSummary("The community's month at a glance (month=2026-12, Beijing time; default this month): cases opened, closed and open, action items done and overdue, the follow-up's answers.");
        api.MapGet("/cases/{caseId:guid}/action-items", ListAsync).WithSummary("Lists the case's action items with every progress report, and the overall progress.");
        api.MapPost("/action-items/{itemId:guid}/progress", ReportAsync)
            .WithSummary("Records a progress report entered for the party ({percent, done, comment}), as channel proxy; done resumes the workflow as the link would.");
        api.MapGet("/action-items/{itemId:guid}/photos/{photoId:guid}", PhotoAsync).WithSummary("Gets a photo sent with a progress report.");
        return app;
    }

    /// <summary>A case's follow-up.</summary>
    /// <param name="Text">The result in words, as the closing notice writes it.</param>
    public sealed record FollowUpView(int Asked, int Satisfied, int FairlySatisfied, int Dissatisfied, int NoAnswer, string Text, DateTimeOffset? ClosesAt,
        IReadOnlyList<FollowUpAnswer> Answers);

    /// <summary>The month at a glance.</summary>
    public static async Task<Ok<MonthOverview>> OverviewAsync(Guid communityId, string? month, MonthOverviews overviews, CancellationToken cancellationToken)
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", "The month is not like 2026-12.")
                    { FieldErrors = new Dictionary<string, FieldError[]> { ["month"] = [ApiFields.Month.Error()] } };
            day = parsed;
        }
        return TypedResults.Ok(await overviews.GetAsync(communityId, day, cancellationToken));
    }

    /// <summary>Gets a case's follow-up.</summary>
    public static async Task<Ok<FollowUpView>> FollowUpAsync(Guid communityId, Guid caseId, FollowUpResults results, CancellationToken cancellationToken)
    {
        var f = await results.GetAsync(communityId, caseId, cancellationToken);
        var s = f.Summary;
        return TypedResults.Ok(new FollowUpView(s.Asked, s.Satisfied, s.FairlySatisfied, s.Dissatisfied, s.NoAnswer, s.DescribeZh(), f.ClosesAt, f.Answers));
    }

    /// <summary>Creates an action item.</summary>
    public static async Task<Created<ActionItemView>> CreateAsync(Guid communityId, Guid caseId, CreateActionItemRequest request, ActionItemStore store,
        CancellationToken cancellationToken)
    {
        var item = await store.CreateAsync(communityId, caseId, new ActionItemDraft(request.Title, request.ResponsibleParty, request.PersonId, request.DueAt,
            request.Budget, request.FundingSource, request.MeetingId, request.Funding, request.OrganisationId), cancellationToken);
        var entry = (await store.ListAsync(communityId, caseId, cancellationToken)).Items.Single(i => i.Item.Id == item.Id);
        return TypedResults.Created($"/api/communities/{communityId}/cases/{caseId}/action-items", View(communityId, entry));
    }

    /// <summary>Lists a case's action items.</summary>
    public static async Task<Ok<ActionItemsView>> ListAsync(Guid communityId, Guid caseId, ActionItemStore store, CancellationToken cancellationToken)
    {
        var overview = await store.ListAsync(communityId, caseId, cancellationToken);
        var o = overview.Overall;
        return TypedResults.Ok(new ActionItemsView(caseId, overview.ClosedAt, new OverallView(o.Items, o.Done, o.Overdue, o.Percent, o.AllDone),
            overview.Items.Select(i => View(communityId, i)).ToList()));
    }

    /// <summary>Records a progress report for the party.</summary>
    public static async Task<Ok<ActionItemView>> ReportAsync(Guid communityId, Guid itemId, ProgressReportRequest request, PartyReports reports,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var enteredBy = CommunityAccess.UserId(user) ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to report progress.");
        return TypedResults.Ok(View(communityId, await reports.ReportForPartyAsync(communityId, itemId, request.Report, enteredBy, cancellationToken)));
    }

    /// <summary>Gets a progress photo.</summary>
    public static async Task<FileContentHttpResult> PhotoAsync(Guid communityId, Guid itemId, Guid photoId, HttpResponse response, ActionItemStore store,
        CancellationToken cancellationToken)
    {
        var (report, content) = await store.OpenPhotoAsync(communityId, itemId, photoId, cancellationToken);
        return PhotoResponses.Inline(response, photoId, content, report.PhotoContentType);
    }

    private static ActionItemView View(Guid communityId, ActionItemEntry e)
    {
        var i = e.Item;
        var a = e.Assignment;
        return new ActionItemView(i.Id, i.CaseId, i.MeetingId, i.Title, i.ResponsibleParty, i.PersonId, e.PersonName, i.DueAt, i.Budget is { } b ? b / 1.00m : null,
            i.FundingSource, i.Percent, i.Status, e.Overdue, i.CreatedAt, i.DoneAt, a?.AssignedAt, a?.TaskId, a?.ReminderAt, a?.RemindedAt, a?.EscalatedAt,
            e.Reports.Select(r => new ProgressView(r.Id, r.Percent, r.Done, r.Note,
                r.PhotoId is { } p ? $"/api/communities/{communityId}/action-items/{i.Id}/photos/{p}" : null, r.At, r.Channel, r.EnteredByUserId)).ToList(),
            e.Funding.Select(s => new FundingShareView(s.Source, FundingSources.Name(s.Source), s.Detail, s.Amount / 1.00m)).ToList(), i.OrganisationId);
    }
}
