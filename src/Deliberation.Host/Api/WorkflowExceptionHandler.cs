using System.Text.Json;
using Deliberation.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;

namespace Deliberation.Host.Api;

/// <summary>Turns refused requests into ProblemDetails (RFC 9457), titled in the caller's language.</summary>
public sealed class WorkflowExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
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
}
