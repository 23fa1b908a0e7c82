using Deliberation.Engine.Validation;

namespace Deliberation.Engine.Runtime;

/// <summary>A request the engine refuses; <see cref="Kind"/> says how the host should answer.</summary>
public sealed class WorkflowException(WorkflowErrorKind kind, string code, string message) : Exception(message)
{
    /// <summary>Not found, conflict or invalid.</summary>
    public WorkflowErrorKind Kind { get; } = kind;

    /// <summary>A stable machine-readable code, e.g. <c>bookmark-consumed</c>.</summary>
    public string Code { get; } = code;

    private readonly IReadOnlyDictionary<string, string[]>? _errors;

    /// <summary>
    /// Problems by field, for invalid requests, in English: as given, or rendered from <see cref="FieldErrors"/>.
    /// (Messages still given as sentences here are translated by the host's older table until they carry codes.)
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Errors
    {
        get => _errors ?? FieldErrors?.ToDictionary(e => e.Key, e => e.Value.Select(f => f.Format(english: true)).ToArray(), StringComparer.Ordinal);
        init => _errors = value;
    }

    /// <summary>Problems by field with their codes and values, which the host answers in the caller's language.</summary>
    public IReadOnlyDictionary<string, FieldError[]>? FieldErrors { get; init; }

    /// <summary>Every problem of an invalid definition, with activity and input ids.</summary>
    public IReadOnlyList<DefinitionProblem>? Problems { get; init; }
}
