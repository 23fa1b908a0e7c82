using System.Reflection;
using System.Text.Json;
using Deliberation.Civic;
using Deliberation.Engine.Runtime;
using Deliberation.Persistence.Entities;

namespace Deliberation.Host.Api;

/// <summary>An incident as staff read it: the row, and what went wrong in the caller's language.</summary>
/// <param name="Code">The stable code of what went wrong, where the activity knew it.</param>
/// <param name="Text">What went wrong, in the caller's language (the exception's own message when it has no code).</param>
/// <param name="ActivityLabel">The activity's name in the workflow (e.g. 确认参会), where it has one; listed across instances only.</param>
/// <param name="CorrelationId">The instance's correlation id (a deliberation's case number); listed across instances only.</param>
public sealed record IncidentView(Guid Id, Guid InstanceId, string ActivityId, string ExecutionId, string ErrorType, string Message,
    DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? ResolvedAt, string? Resolution, string? Code, string Text,
    string? ActivityLabel = null, string? CorrelationId = null);

/// <summary>
/// Tells incidents in the caller's language by code: the code of a <see cref="FieldMessage"/> declared anywhere in the
/// product (the engine's <c>ActivityFaults</c>, the deliberation's <see cref="DeliberationFaults"/>, …) with the values
/// recorded, or a refusal's code through <see cref="ProblemTitles"/>. Nothing matches sentences.
/// </summary>
public static class IncidentTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, FieldMessage>> Catalogue = new(() =>
        new[] { typeof(FieldMessage).Assembly, typeof(DeliberationFaults).Assembly, typeof(IncidentTexts).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.FieldType == typeof(FieldMessage)))
            .Select(f => (FieldMessage)f.GetValue(null)!)
            .ToDictionary(m => m.Code, StringComparer.Ordinal));

    /// <summary>The message declared for a code, if any.</summary>
    public static FieldMessage? Find(string code) => Catalogue.Value.GetValueOrDefault(code);

    /// <summary>The incident for the caller (Chinese unless the Accept-Language header prefers English).</summary>
    public static IncidentView View(IncidentRow row, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.InstanceId, row.ActivityId, row.ExecutionId, row.ErrorType, row.Message, row.CreatedAt, row.Attempts,
            row.ResolvedAt, row.Resolution, row.Code, Text(row, ProblemTitles.PrefersEnglish(acceptLanguage)));
    }

    private static string Text(IncidentRow row, bool english)
    {
        if (row.Code is not { } code) return row.Message;
        if (Find(code) is { } message)
        {
            var values = row.CodeValues is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : [];
            return new FieldError(message, values).Format(english);
        }
        return ProblemTitles.TryGet(code, english) is { } title ? (english ? row.Message : $"{title}。") : row.Message;
    }
}
