using System.Diagnostics;
using System.Text.Json;
using Deliberation.Civic.Links;
using Deliberation.Engine.Runtime;
using Deliberation.Host.Pages;
using Deliberation.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Deliberation.Host.Api;

/// <summary>
/// Turns refused requests into ProblemDetails (RFC 9457), titled in the caller's language; a request the database could
/// not serve (down, restarting, unreachable) into 503 <c>database-unavailable</c> with Retry-After, and on the answer
/// pages into a page saying so.
/// </summary>
public sealed class WorkflowExceptionHandler(IProblemDetailsService problems, ILogger<WorkflowExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a caller is asked to wait when the database does not answer.</summary>
    public static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(5);

    // An outage fails every request alike: one warning per this much time says so; the rest go to Debug.
    private static readonly TimeSpan OutageWarningInterval = TimeSpan.FromSeconds(30);
    private long _lastOutageWarning = long.MinValue;

    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (DatabaseOutages.Is(exception)) return await DatabaseUnavailableAsync(httpContext, exception);
        var language = httpContext.Request.Headers.AcceptLanguage.ToString();
        var (status, code, detail, errors, extra) = exception switch
        {
            WorkflowException w => (w.Kind switch
            {
                WorkflowErrorKind.NotFound => StatusCodes.Status404NotFound,
                WorkflowErrorKind.Conflict => StatusCodes.Status409Conflict,
                WorkflowErrorKind.IdempotencyMismatch => StatusCodes.Status422UnprocessableEntity,
                WorkflowErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            }, w.Code, w.Message, w.FieldErrors is { } coded ? FieldMessages.Render(coded, language) : w.Errors,
                (object?)w.Problems),
            BadHttpRequestException b => (b.StatusCode, b.InnerException is JsonException ? "malformed-json" : FrameworkRefusals.CodeOf(b.StatusCode), b.Message, null, null),
            JsonException j => (StatusCodes.Status400BadRequest, "malformed-json", "The request body is not valid JSON: " + j.Message, null, null),
            _ => (0, "", "", null, null),
        };
        if (status == 0) return false;
        httpContext.Response.StatusCode = status;
        var problem = FrameworkRefusals.Problem(status, code, language, detail);
        if (errors is not null) problem.Extensions["errors"] = errors;
        // The codes beside the words, by field, for clients that show their own text.
        if (exception is WorkflowException { FieldErrors: { } fields })
            problem.Extensions["errorCodes"] = fields.ToDictionary(f => f.Key, f => f.Value.Select(e => e.Code).ToArray(), StringComparer.Ordinal);
        if (extra is not null) problem.Extensions["problems"] = extra;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private async Task<bool> DatabaseUnavailableAsync(HttpContext httpContext, Exception exception)
    {
        // The route, not the path: an answer page's path holds its signed token, a credential.
        var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)";
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastOutageWarning);
        var warn = (last == long.MinValue || Stopwatch.GetElapsedTime(last, now) >= OutageWarningInterval)
            && Interlocked.CompareExchange(ref _lastOutageWarning, now, last) == last;
        logger.Log(warn ? LogLevel.Warning : LogLevel.Debug,
            "{Method} {Route} answered 503: the database is unavailable ({Error}); other requests it fails within {Interval} are logged at Debug.",
            httpContext.Request.Method, route, exception.GetBaseException().Message, OutageWarningInterval);
        FrameworkRefusals.SetRetryAfter(httpContext.Response, DatabaseRetryAfter);
        if (httpContext.Request.Path.StartsWithSegments(AnswerLinks.PathPrefix.TrimEnd('/')))
        {
            // The answer pages' visitors are residents with a link, not API clients: they get a page in their language.
            var t = PageText.For(AnswerPages.IsEnglish(httpContext.Request.Query["lang"].ToString(), httpContext));
            await AnswerPages.Page(httpContext, StatusCodes.Status503ServiceUnavailable, AnswerPageHtml.Message(t, t.Unavailable, t.UnavailableDetail))
                .ExecuteAsync(httpContext);
            return true;
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var problem = FrameworkRefusals.Problem(StatusCodes.Status503ServiceUnavailable, "database-unavailable", httpContext.Request.Headers.AcceptLanguage.ToString(),
            "The database cannot be reached at the moment. Try again shortly; a request sent with an Idempotency-Key can be repeated safely.");
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
