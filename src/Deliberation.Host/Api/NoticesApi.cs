using Deliberation.Civic.Notices;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Deliberation.Host.Api;

/// <summary>
/// Public notices (公示) for staff: the community's notices (of anchored issues, results and closings), each printable as an
/// A4 PDF with the QR code of its public page, and the comments residents left there, which staff publish, hide or answer.
/// </summary>
public static class NoticesApi
{
    /// <summary>A notice in a list.</summary>
    /// <param name="PendingComments">Comments nobody has moderated yet.</param>
    public sealed record NoticeSummary(Guid Id, string Kind, string CaseNumber, string Title, DateTimeOffset PostedAt, DateTimeOffset? CommentsCloseAt,
        int PendingComments, int Comments);

    /// <summary>A comment as staff see it (with the phone number, to call back).</summary>
    public sealed record CommentView(Guid Id, bool IsObjection, string Text, string? Name, string? Phone, DateTimeOffset PostedAt, string Status,
        string? Response, DateTimeOffset? ModeratedAt, Guid? ModeratedByUserId);

    /// <summary>A notice with its text, its public page and every comment.</summary>
    public sealed record NoticeDetails(Guid Id, string Kind, string CaseNumber, string Title, string Text, DateTimeOffset PostedAt,
        DateTimeOffset? CommentsCloseAt, bool TakesComments, string PublicUrl, IReadOnlyList<CommentView> Comments);

    /// <summary>What staff do with a comment.</summary>
    /// <param name="Action"><c>publish</c>, <c>hide</c> or <c>answer</c> (which publishes it with the answer).</param>
    /// <param name="Response">The answer, for <c>answer</c>.</param>
    public sealed record ModerateRequest(string? Action, string? Response);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communities/{communityId:guid}").WithTags("Notices")
            .RequireAuthorization(AuthRoles.StaffPolicy).RequireCommunityScope();
        api.MapGet("/public-notices", ListAsync).WithSummary("Lists the community's public notices (公示), newest first; those of one case with ?caseNumber=.");
        api.MapGet("/public-notices/{noticeId:guid}", GetAsync).WithSummary("Gets a notice with its public page's address and every comment left there.");
        api.MapGet("/public-notices/{noticeId:guid}/pdf", PrintAsync)
            .WithSummary("Prints the notice: an A4 PDF in Chinese with the QR code of its public page, for the notice board.");
        api.MapPost("/notice-comments/{commentId:guid}/moderate", ModerateAsync)
            .WithSummary("Publishes, hides or answers a comment left on a notice's public page (an answer publishes it too).");
        return app;
    }

    /// <summary>Lists the notices.</summary>
    public static async Task<Ok<List<NoticeSummary>>> ListAsync(Guid communityId, string? caseNumber, NoticeStore notices, CancellationToken cancellationToken) =>
        TypedResults.Ok((await notices.ListAsync(communityId, caseNumber, cancellationToken))
            .Select(n => new NoticeSummary(n.Notice.Id, n.Notice.Kind, n.Notice.CaseNumber, n.Notice.Title, n.Notice.PostedAt, n.Notice.CommentsCloseAt, n.Pending, n.Comments))
            .ToList());

    /// <summary>Gets a notice.</summary>
    public static async Task<Ok<NoticeDetails>> GetAsync(Guid communityId, Guid noticeId, NoticeStore notices, TimeProvider time, CancellationToken cancellationToken)
    {
        var view = await notices.GetAsync(communityId, noticeId, cancellationToken);
        var n = view.Notice;
        return TypedResults.Ok(new NoticeDetails(n.Id, n.Kind, n.CaseNumber, n.Title, n.Text, n.PostedAt, n.CommentsCloseAt, n.TakesCommentsAt(time.GetUtcNow()),
            view.PublicUrl, view.Comments.Select(View).ToList()));
    }

    /// <summary>Prints a notice.</summary>
    public static async Task<FileContentHttpResult> PrintAsync(Guid communityId, Guid noticeId, HttpResponse response, NoticeStore notices,
        CancellationToken cancellationToken)
    {
        var (notice, pdf) = await notices.PrintAsync(communityId, noticeId, cancellationToken);
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline")
            { FileNameStar = $"公示-{notice.CaseNumber}-{notice.Kind}.pdf", FileName = $"notice-{notice.Id:N}.pdf" }.ToString();
        return TypedResults.File(pdf, "application/pdf");
    }

    /// <summary>Publishes, hides or answers a comment.</summary>
    public static async Task<Ok<CommentView>> ModerateAsync(Guid communityId, Guid commentId, ModerateRequest request, NoticeStore notices,
        System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var by = CommunityAccess.UserId(user) ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "Sign in to moderate comments.");
        return TypedResults.Ok(View(await notices.ModerateAsync(communityId, commentId, request.Action, request.Response, by, cancellationToken)));
    }

    private static CommentView View(NoticeComment c) =>
        new(c.Id, c.IsObjection, c.Text, c.Name, c.Phone, c.PostedAt, c.Status, c.Response, c.ModeratedAt, c.ModeratedByUserId);
}
