using Deliberation.Engine.Validation;

namespace Deliberation.Engine.Runtime;

/// <summary>A request the engine refuses; <see cref="Kind"/> says how the host should answer.</summary>
public sealed class WorkflowException(WorkflowErrorKind kind, string code, string message) : Exception(message)
{
    /// <summary>Not found, conflict or invalid.</summary>
    public WorkflowErrorKind Kind { get; } = kind;

    /// <summary>A stable machine-readable code, e.g. <c>bookmark-consumed</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Problems by field, for invalid requests.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Every problem of an invalid definition, with activity and input ids.</summary>
    public IReadOnlyList<DefinitionProblem>? Problems { get; init; }
}
