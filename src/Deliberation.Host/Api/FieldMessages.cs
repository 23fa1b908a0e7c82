using Deliberation.Engine.Runtime;

namespace Deliberation.Host.Api;

/// <summary>
/// The field messages of a refused request (ProblemDetails <c>errors</c>) in the caller's language: each
/// <see cref="FieldError"/> is rendered from its own English and Chinese templates, by code. Nothing here matches
/// sentences; a message given as plain text (a library's, such as ASP.NET Identity's) is passed on as it came.
/// </summary>
public static class FieldMessages
{
    /// <summary>Coded errors in the caller's language (Chinese unless English is preferred).</summary>
    public static IReadOnlyDictionary<string, string[]> Render(IReadOnlyDictionary<string, FieldError[]> errors, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var english = ProblemTitles.PrefersEnglish(acceptLanguage);
        return errors.ToDictionary(e => e.Key, e => e.Value.Select(f => f.Format(english)).ToArray(), StringComparer.Ordinal);
    }
}
