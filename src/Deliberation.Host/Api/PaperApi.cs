using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Paper;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Deliberation.Host.Api;

/// <summary>
/// Paper answers for building heads (and staff): print one sheet per household for a ballot, a time poll or an ask, each
/// with the household's own signed QR code; enter what a household ticked with a photo of its sheet (channel
/// <c>paper</c>); read the totals by channel — online, paper and proxy.
/// </summary>
public static class PaperApi
{
    /// <summary>A paper answer as recorded.</summary>
    public sealed record PaperAnswerResponse(Guid TaskId, Guid AnswerId, string Channel, JsonNode? Answer, string? PhotoSha256, DateTimeOffset AnsweredAt);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapPaperApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}/tasks/{taskId:guid}").WithTags("Paper answers")
            .RequireAuthorization(AuthRoles.CommunityPolicy).RequireCommunityScope();
        api.MapGet("/paper-sheets", SheetsAsync)
            .WithSummary("Prints an A4 PDF with one sheet per household (a building head's own buildings, or ?buildingId=) for the question of the task, each with the household's own signed QR code.");
        api.MapPost("/paper-answer", RecordAsync).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Enters a household's paper answer (form fields 'answer' as JSON, 'householdId' as printed on the sheet, and the sheet's 'photo', at most 5 MB), recorded as channel \"paper\".");
        api.MapGet("/totals", TotalsAsync).WithSummary("Counts the question's answers by channel: online (link), paper and proxy, in all and per option.");
        api.MapGet("/answers/{answerId:guid}/photo", PhotoAsync).WithSummary("Downloads the photo of the sheet a paper answer was entered from.");
        return app;
    }

    /// <summary>Prints the sheets.</summary>
    public static async Task<FileContentHttpResult> SheetsAsync(Guid communityId, Guid taskId, Guid? buildingId, HttpContext http, PaperBallots paper,
        CancellationToken cancellationToken)
    {
        var buildings = await BuildingsAsync(http, communityId, cancellationToken);
        if (buildingId is { } only)
        {
            if (buildings is not null && !buildings.Contains(only))
                throw new WorkflowException(WorkflowErrorKind.Forbidden, "household-not-headed", "You do not head this building; nothing was printed.");
            buildings = [only];
        }
        var (sheets, pdf) = await paper.PrintAsync(communityId, taskId, buildings, cancellationToken);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline")
            { FileNameStar = $"纸质答复单-{sheets.Count}户.pdf", FileName = $"paper-sheets-{taskId:N}.pdf" }.ToString();
        return TypedResults.File(pdf, "application/pdf");
    }

    /// <summary>Enters a paper answer.</summary>
    public static async Task<Ok<PaperAnswerResponse>> RecordAsync(Guid communityId, Guid taskId, HttpContext http, PaperBallots paper,
        CancellationToken cancellationToken)
    {
        var enteredBy = CommunityAccess.UserId(http.User)
            ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to enter a paper answer.");
        var (form, photo) = await PhotoUploads.ReadAsync(http.Request, "photo", cancellationToken);
        JsonNode? answer;
        try
        {
            answer = form["answer"].ToString() is { Length: > 0 } text ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
            throw PhotoUploads.Invalid(http.Request, "answer", "答复须为 JSON，如 {\"choice\":\"yes\"}。", "The answer must be JSON, e.g. {\"choice\":\"yes\"}.");
        }
        Guid? householdId = Guid.TryParse(form["householdId"].ToString(), out var household) ? household : null;
        var buildings = await BuildingsAsync(http, communityId, cancellationToken);
        var snapshot = await paper.RecordAsync(communityId, taskId, householdId, answer, photo, buildings, enteredBy, cancellationToken);
        var current = snapshot.Current!;
        return TypedResults.Ok(new PaperAnswerResponse(taskId, current.Id, current.Channel, JsonNode.Parse(current.Answer), current.PhotoSha256, current.AnsweredAt));
    }

    /// <summary>The totals by channel.</summary>
    public static async Task<Ok<ChannelTotals>> TotalsAsync(Guid communityId, Guid taskId, PaperBallots paper, CancellationToken cancellationToken) =>
        TypedResults.Ok(await paper.TotalsAsync(communityId, taskId, cancellationToken));

    /// <summary>The photo of a sheet.</summary>
    public static async Task<FileContentHttpResult> PhotoAsync(Guid communityId, Guid taskId, Guid answerId, HttpResponse response, PaperBallots paper,
        CancellationToken cancellationToken)
    {
        var (content, type) = await paper.PhotoAsync(communityId, taskId, answerId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "photo-not-found", $"Answer {answerId} has no photo.");
        return PhotoResponses.Inline(response, answerId, content, type);
    }

    private static async Task<IReadOnlyCollection<Guid>?> BuildingsAsync(HttpContext http, Guid communityId, CancellationToken cancellationToken)
    {
        var users = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Persistence.Identity.StaffUser>>();
        var account = CommunityAccess.UserId(http.User) is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        return await HeadedBuildings.OfAsync(http.User, account, communityId, http.RequestServices.GetRequiredService<Civic.Issues.ComplaintStore>(), cancellationToken);
    }
}
