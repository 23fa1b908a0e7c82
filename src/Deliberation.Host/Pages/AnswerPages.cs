using System.Text.Json.Nodes;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Links;
using Deliberation.Civic.Needs;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Paper;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Auth;
using Deliberation.Persistence;
using Microsoft.Extensions.Primitives;

namespace Deliberation.Host.Pages;

/// <summary>
/// The pages stakeholders reach from their email: <c>GET /t/{token}</c> shows the task and
/// records nothing (mail scanners prefetch links); <c>POST /t/{token}</c> records the answer.
/// No account: the signed token is the credential, so the pages are anonymous, never cached,
/// never indexed and never leak the URL as a referrer. Chinese by default; English with <c>?lang=en</c>, or without <c>?lang</c> when the browser prefers English.
/// </summary>
public static class AnswerPages
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapAnswerPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(AnswerLinks.PathPrefix.TrimEnd('/')).AllowAnonymous().ScopedBy(ScopeKind.SignedToken).ExcludeFromDescription()
            .RequireRateLimiting(AnswerPageLimit.PolicyName);
        pages.MapGet("/{token}", ShowAsync);
        pages.MapPost("/{token}", AnswerAsync);
        return app;
    }

    /// <summary>Shows the task: the form, or what was recorded once it closed, or why the link is refused.</summary>
    public static async Task<IResult> ShowAsync(string token, string? lang, HttpContext http, TaskStore tasks, NeedStore needs, MinutesConfirmation minutes, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var t = PageText.For(IsEnglish(lang, http));
        var opened = await tasks.OpenLinkAsync(token, cancellationToken);
        if (!opened.Verification.IsValid) return Refused(http, t, opened.Verification.Status);
        var task = opened.Task!;
        var form = TaskForm.Parse(task.Data);
        if (task.IsClosedAt(time.GetUtcNow()))
            return await ClaimTakenAsync(http, t, task, needs, StatusCodes.Status200OK, cancellationToken)
                ?? Page(http, StatusCodes.Status200OK, AnswerPageHtml.Closed(t, task, form, opened.Current));
        var current = opened.Current?.Answer;
        if (form.IsProgress)
        {
            var progress = current is null ? null : TaskForm.ProgressOf(current);
            return Page(http, StatusCodes.Status200OK, AnswerPageHtml.ProgressForm(t, task, form, opened.Current,
                progress?.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture), progress?.Done ?? false, current is null ? null : TaskForm.CommentOf(current), null));
        }
        return Page(http, StatusCodes.Status200OK, AnswerPageHtml.Form(t, task, form, opened.Current,
            current is null ? [] : TaskForm.ChosenValues(current), current is null ? null : TaskForm.CommentOf(current), null,
            await minutes.DocumentOfAsync(task, cancellationToken)));
    }

    /// <summary>Records an answer sent from the form (<c>choice</c> or <c>choices</c>, and <c>comment</c>).</summary>
    public static async Task<IResult> AnswerAsync(string token, string? lang, HttpContext http, TaskStore tasks, ActionItemStore actionItems, NeedStore needs,
        MinutesConfirmation minutes, PaperBallots paper, TimeProvider time, CancellationToken cancellationToken)
    {
        var t = PageText.For(IsEnglish(lang, http));
        var opened = await tasks.OpenLinkAsync(token, cancellationToken);
        if (!opened.Verification.IsValid) return Refused(http, t, opened.Verification.Status);
        var task = opened.Task!;
        var form = TaskForm.Parse(task.Data);
        if (task.IsClosedAt(time.GetUtcNow()))
            return await ClaimTakenAsync(http, t, task, needs, StatusCodes.Status409Conflict, cancellationToken)
                ?? Page(http, StatusCodes.Status409Conflict, AnswerPageHtml.Closed(t, task, form, opened.Current));
        if (!http.Request.HasFormContentType) return Page(http, StatusCodes.Status400BadRequest, AnswerPageHtml.Message(t, t.Busy, t.BadForm));

        IFormCollection fields;
        try
        {
            fields = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A form value with a NUL, a multipart body cut short: the visitor gets the page, not an error from the framework.
            return Page(http, StatusCodes.Status400BadRequest, AnswerPageHtml.Message(t, t.Busy, t.BadForm));
        }
        var comment = fields["comment"].ToString();
        JsonObject answer;
        // A progress report with photo of 征询参与者 keeps its photo with the answer (as a paper sheet's), not with a need or an action item.
        SanitizedPhoto? answerPhoto = null;
        if (form.IsProgress)
        {
            var percent = fields["percent"].ToString();
            var done = fields["done"].Any(v => v is "true" or "on");
            string ShowAgain(string error) => AnswerPageHtml.ProgressForm(t, task, form, opened.Current, percent, done, comment, error);
            string? photoId = null;
            if (fields.Files["photo"] is { Length: > 0 } photo)
            {
                if (photo.Length > ComplaintPhotos.MaxBytes) return Page(http, StatusCodes.Status400BadRequest, ShowAgain(t.PhotoRejected));
                byte[] content;
                await using (var stream = photo.OpenReadStream())
                using (var buffer = new MemoryStream((int)photo.Length))
                {
                    await stream.CopyToAsync(buffer, cancellationToken);
                    content = buffer.ToArray();
                }
                // Re-encoded (no EXIF, no GPS, nothing appended) and checked before it is stored, so a refused report leaves no file behind.
                if (!PhotoSanitizer.TrySanitize(content, out var sanitized, out var refusal))
                    return Page(http, StatusCodes.Status400BadRequest,
                        ShowAgain(refusal.Message == PhotoFields.PhotoTooManyPixels ? refusal.Format(t.IsEnglish) : t.PhotoRejected));
                if (form.TryBuildProgress(percent, done, comment, null, out _) is { } early)
                    return Page(http, StatusCodes.Status400BadRequest, ShowAgain(t.Problem(early, false)));
                if (task.Purpose == TaskPurposes.Ask)
                {
                    answerPhoto = sanitized;
                }
                else
                {
                    try
                    {
                        photoId = (task.Purpose == TaskPurposes.ClaimProgress
                            ? await needs.SavePhotoAsync(task, sanitized, cancellationToken)
                            : await actionItems.SavePhotoAsync(task, sanitized, cancellationToken)).ToString("N");
                    }
                    catch (WorkflowException ex) when (ex.Kind is WorkflowErrorKind.NotFound)
                    {
                        // A progress task staff created by hand belongs to no action item: it takes no photo.
                        return Page(http, StatusCodes.Status400BadRequest, ShowAgain(t.PhotoRejected));
                    }
                }
            }
            if (form.TryBuildProgress(percent, done, comment, photoId, out answer) is { } problem)
                return Page(http, StatusCodes.Status400BadRequest, ShowAgain(t.Problem(problem, false)));
        }
        else
        {
            var chosen = Values(fields[form.Multiple ? "choices" : "choice"]);
            if (form.TryBuildAnswer(chosen, comment, out answer) is { } problem)
                return Page(http, StatusCodes.Status400BadRequest, AnswerPageHtml.Form(t, task, form, opened.Current, chosen, comment,
                    t.Problem(problem, form.Multiple, form.MaxChoices), await minutes.DocumentOfAsync(task, cancellationToken)));
        }

        try
        {
            var recorded = answerPhoto is null
                ? await tasks.RecordLinkAnswerAsync(opened.Verification.Claims!, answer, cancellationToken)
                : await paper.RecordLinkAnswerAsync(opened.Verification.Claims!, answer, answerPhoto, cancellationToken);
            return Page(http, StatusCodes.Status200OK, AnswerPageHtml.Confirmation(t, recorded.Task, form, recorded.Current!));
        }
        catch (WorkflowException ex) when (ex.Code is "task-closed" or "nominations-closed" or "need-claimed" or "need-not-claimed" or "need-not-done")
        {
            // Another candidate claimed the need first (a moment ago, or at the same moment): they are told who, nothing was recorded.
            if (await ClaimTakenAsync(http, t, task, needs, StatusCodes.Status409Conflict, cancellationToken) is { } taken) return taken;
            var now = await tasks.GetAsync(task.Id, cancellationToken);
            return Page(http, StatusCodes.Status409Conflict, AnswerPageHtml.Closed(t, now?.Task ?? task, form, now?.Current));
        }
        catch (WorkflowException ex) when (ex.Code == "link-reissued")
        {
            return Refused(http, t, LinkStatus.Reissued);
        }
        catch (WorkflowException ex) when (ex.Code == "invalid-input" && !form.IsProgress)
        {
            // The domain refused what the form allowed (e.g. the electorate changed since the link was sent): nothing was recorded.
            var chosen = Values(fields[form.Multiple ? "choices" : "choice"]);
            return Page(http, StatusCodes.Status400BadRequest, AnswerPageHtml.Form(t, task, form, opened.Current, chosen, comment, t.BadForm,
                await minutes.DocumentOfAsync(task, cancellationToken)));
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.NotFound)
        {
            return Refused(http, t, LinkStatus.TaskNotFound);
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.Conflict)
        {
            // The workflow instance was busy with another step; nothing was recorded and a retry will do.
            return Page(http, StatusCodes.Status503ServiceUnavailable, AnswerPageHtml.Message(t, t.Busy, t.BusyDetail));
        }
    }

    /// <summary>For a claim link whose need someone else claimed: the page that says who; null for any other task.</summary>
    private static async Task<IResult?> ClaimTakenAsync(HttpContext http, PageText t, ParticipationTask task, NeedStore needs, int status,
        CancellationToken cancellationToken) =>
        task.Purpose == TaskPurposes.Claim && await needs.ClaimedByOtherAsync(task, cancellationToken) is { } claimant
            ? Page(http, status, AnswerPageHtml.Message(t, t.ClaimTaken, t.ClaimedBy(claimant)))
            : null;

    /// <summary>English when <c>?lang=en</c> asks for it, or, without <c>?lang</c>, when the browser prefers English; Chinese otherwise.</summary>
    internal static bool IsEnglish(string? lang, HttpContext http) => lang is { Length: > 0 }
        ? lang.StartsWith("en", StringComparison.OrdinalIgnoreCase)
        : Api.ProblemTitles.PrefersEnglish(http.Request.Headers.AcceptLanguage.ToString());

    private static List<string> Values(StringValues values) => values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();

    private static IResult Refused(HttpContext http, PageText t, LinkStatus status) =>
        Page(http, status is LinkStatus.Expired or LinkStatus.Reissued or LinkStatus.TaskNotFound ? StatusCodes.Status410Gone : StatusCodes.Status403Forbidden,
            AnswerPageHtml.Refused(t, status));

    /// <summary>A page of these pages' kind: never cached, indexed or sent on as a referrer.</summary>
    internal static IResult Page(HttpContext http, int status, string html)
    {
        var headers = http.Response.Headers;
        // The token in the URL is the credential: never cache the page, never send the URL on as a referrer, never index it.
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return Results.Content(html, "text/html; charset=utf-8", null, status);
    }
}
