using Deliberation.Civic.Notices;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Api;
using Deliberation.Host.Auth;

namespace Deliberation.Host.Pages;

/// <summary>
/// The public page of a notice (<c>/gongshi/{code}</c>, the QR code printed on it): no account; shows the notice and the
/// comments staff published, and during the notice period takes a comment or objection (phone optional), limited per
/// address (<see cref="NoticeCommentLimit"/>). A browser gets pages; a client asking for JSON gets the comment (201) or a
/// coded ProblemDetails. Chinese by default, English with <c>?lang=en</c>.
/// </summary>
public static class NoticePages
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNoticePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(NoticeStore.PathPrefix.TrimEnd('/')).AllowAnonymous().ScopedBy(ScopeKind.PublicRecord).ExcludeFromDescription();
        pages.MapGet("/{code}", ShowAsync).RequireRateLimiting(AnswerPageLimit.PolicyName);
        pages.MapPost("/{code}", CommentAsync).DisableAntiforgery().RequireRateLimiting(NoticeCommentLimit.PolicyName);
        return app;
    }

    /// <summary>The notice, its published comments and, during the notice period, the form.</summary>
    public static async Task<IResult> ShowAsync(string code, string? lang, HttpContext http, NoticeStore notices, TimeProvider time, CancellationToken cancellationToken)
    {
        var t = PageText.For(AnswerPages.IsEnglish(lang, http));
        var view = await notices.FindPublicAsync(code, cancellationToken);
        return view is null
            ? AnswerPages.Page(http, StatusCodes.Status404NotFound, NoticePageHtml.NotFound(t))
            : AnswerPages.Page(http, StatusCodes.Status200OK, NoticePageHtml.Notice(t, view, time.GetUtcNow(), null));
    }

    /// <summary>Takes a comment (form fields or JSON: <c>text</c>, <c>name</c>, <c>phone</c>, <c>kind</c> = <c>comment</c> or <c>objection</c>).</summary>
    public static async Task<IResult> CommentAsync(string code, string? lang, HttpContext http, NoticeStore notices, TimeProvider time, CancellationToken cancellationToken)
    {
        var json = WantsJson(http);
        string? text, name, phone, kind;
        if (http.Request.HasJsonContentType())
        {
            var body = await http.Request.ReadFromJsonAsync<CommentRequest>(cancellationToken);
            (text, name, phone, kind) = (body?.Text, body?.Name, body?.Phone, body?.Kind);
        }
        else
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
            (text, name, phone, kind) = (form?["text"].ToString(), form?["name"].ToString(), form?["phone"].ToString(), form?["kind"].ToString());
        }
        try
        {
            var comment = await notices.CommentAsync(code, text, name, phone, kind == "objection", cancellationToken);
            if (json) return TypedResults.Created((string?)null, new { id = comment.Id, status = comment.Status });
            var t = PageText.For(AnswerPages.IsEnglish(lang, http));
            var view = (await notices.FindPublicAsync(code, cancellationToken))!;
            return AnswerPages.Page(http, StatusCodes.Status200OK, NoticePageHtml.Notice(t, view, time.GetUtcNow(), new NoticePageHtml.Outcome(true, null, null)));
        }
        catch (WorkflowException refusal) when (!json)
        {
            var t = PageText.For(AnswerPages.IsEnglish(lang, http));
            var view = await notices.FindPublicAsync(code, cancellationToken);
            if (view is null) return AnswerPages.Page(http, StatusCodes.Status404NotFound, NoticePageHtml.NotFound(t));
            var message = refusal.FieldErrors is { Count: > 0 } errors
                ? string.Join(" ", errors.SelectMany(e => e.Value).Select(e => e.Format(t.IsEnglish)))
                : ProblemTitles.For(refusal.Code, t.IsEnglish ? "en" : "zh-CN");
            var status = refusal.Kind == WorkflowErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return AnswerPages.Page(http, status, NoticePageHtml.Notice(t, view, time.GetUtcNow(), new NoticePageHtml.Outcome(false, refusal.Code, message), text, name, phone));
        }
    }

    /// <summary>Whether the client asks for JSON (an app, a test) rather than a page.</summary>
    internal static bool WantsJson(HttpContext http) =>
        http.Request.Headers.Accept.Any(a => a is not null && a.Contains("json", StringComparison.OrdinalIgnoreCase))
        || http.Request.HasJsonContentType();

    /// <summary>A comment as JSON.</summary>
    /// <param name="Text">The comment.</param>
    /// <param name="Name">How the resident signs, if at all.</param>
    /// <param name="Phone">A phone number for a call back, if any.</param>
    /// <param name="Kind"><c>comment</c> (default) or <c>objection</c>.</param>
    public sealed record CommentRequest(string? Text, string? Name, string? Phone, string? Kind);
}
