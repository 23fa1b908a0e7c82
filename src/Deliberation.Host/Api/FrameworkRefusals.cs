using System.Net.Http.Headers;

namespace Deliberation.Host.Api;

/// <summary>
/// What the framework refuses before an endpoint runs — a body of another type or charset, a route or method that does not
/// exist, a body too large — answered like every other refusal: a ProblemDetails with a stable code, titled in the
/// request's language (<see cref="ProblemTitles"/>).
/// </summary>
public static class FrameworkRefusals
{
    /// <summary>The code of a status the framework answers on its own.</summary>
    public static string CodeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => "body-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        _ => "bad-request",
    };

    /// <summary>How long a refused caller should wait, as whole seconds (at least one) in Retry-After.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A refusal as every answer of this host gives it: its status, its stable code and the title in <paramref name="language"/>.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status, string code, string? language, string? detail = null)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Type = $"https://deliberation.local/problems/{code}",
            Title = ProblemTitles.For(code, language),
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>Writes the coded ProblemDetails of <paramref name="status"/> as the response.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string? code = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problem = Problem(status, code ?? CodeOf(status), context.Request.Headers.AcceptLanguage.ToString(), detail);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>
    /// Refuses a JSON body in another charset than UTF-8 (415) before the endpoint reads it: the reader would throw on a
    /// charset it does not know (utf-7) and read a known one (latin1) as something the sender did not mean.
    /// </summary>
    public static IApplicationBuilder UseJsonCharsetCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var media)
            && media.MediaType is { } name && (name.Equals("application/json", StringComparison.OrdinalIgnoreCase) || name.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            && media.CharSet is { Length: > 0 } charset
            && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType);
            return;
        }
        await next(context);
    });

    /// <summary>Answers a bodiless refusal of the framework (404, 405, 415…) with its coded ProblemDetails; pages keep theirs.</summary>
    public static IApplicationBuilder UseCodedStatusPages(this IApplicationBuilder app) => app.UseStatusCodePages(async status =>
    {
        var context = status.HttpContext;
        if (context.Response.StatusCode is >= 400 and < 500 && context.Request.Path.StartsWithSegments("/api"))
            await WriteAsync(context, context.Response.StatusCode);
        else
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context, ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = context.Response.StatusCode },
            });
    });
}
