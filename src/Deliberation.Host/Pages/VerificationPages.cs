using Deliberation.Civic.Minutes;
using Deliberation.Host.Auth;

namespace Deliberation.Host.Pages;

/// <summary>
/// The public verification page of sealed minutes (<c>/verify/{code}</c>, the QR code on the PDF): no account, shows the
/// record (community, case, meeting, when sealed, the SHA-256) and takes an uploaded file, answering whether its SHA-256 is
/// the one recorded. Nothing uploaded is kept. Chinese by default, English with <c>?lang=en</c>.
/// </summary>
public static class VerificationPages
{
    /// <summary>The largest file the page checks.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapVerificationPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(MinutesConfirmation.VerifyPathPrefix.TrimEnd('/')).AllowAnonymous().ScopedBy(ScopeKind.PublicRecord).ExcludeFromDescription()
            .RequireRateLimiting(AnswerPageLimit.PolicyName);
        pages.MapGet("/{code}", ShowAsync);
        pages.MapPost("/{code}", CheckAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>The record and the form to upload a file.</summary>
    public static async Task<IResult> ShowAsync(string code, string? lang, HttpContext http, MinutesConfirmation minutes, CancellationToken cancellationToken)
    {
        var t = PageText.For(AnswerPages.IsEnglish(lang, http));
        var record = await minutes.FindSealedAsync(code, cancellationToken);
        return record is null
            ? AnswerPages.Page(http, StatusCodes.Status404NotFound, VerificationPageHtml.NotFound(t))
            : AnswerPages.Page(http, StatusCodes.Status200OK, VerificationPageHtml.Record(t, record, null));
    }

    /// <summary>Compares the uploaded file (form field <c>file</c>) with the record.</summary>
    public static async Task<IResult> CheckAsync(string code, string? lang, HttpContext http, MinutesConfirmation minutes, CancellationToken cancellationToken)
    {
        var t = PageText.For(AnswerPages.IsEnglish(lang, http));
        var record = await minutes.FindSealedAsync(code, cancellationToken);
        if (record is null) return AnswerPages.Page(http, StatusCodes.Status404NotFound, VerificationPageHtml.NotFound(t));
        IFormFile? file;
        try
        {
            file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(cancellationToken)).Files["file"] : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            file = null;
        }
        if (file is null || file.Length == 0 || file.Length > MaxFileBytes)
            return AnswerPages.Page(http, StatusCodes.Status400BadRequest, VerificationPageHtml.Record(t, record, new VerificationPageHtml.Outcome(false, null, NoFile: true)));
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var matches = MinutesConfirmation.Matches(record, content);
        return AnswerPages.Page(http, StatusCodes.Status200OK,
            VerificationPageHtml.Record(t, record, new VerificationPageHtml.Outcome(matches, MinutesArchive.Sha256Hex(content), NoFile: false)));
    }
}
