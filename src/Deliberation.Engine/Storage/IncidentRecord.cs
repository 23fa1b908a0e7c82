namespace Deliberation.Engine.Storage;

/// <summary>
/// A faulted activity execution that staff can retry. <paramref name="Code"/> and <paramref name="Values"/> say what
/// went wrong where the activity knew (a <see cref="Runtime.FieldMessage"/>'s code, or a refusal's), so that it is told in
/// the reader's language; <paramref name="Message"/> is the exception's own text.
/// </summary>
public sealed record IncidentRecord(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string ExecutionId,
    string ErrorType,
    string Message,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? ResolvedAt = null,
    string? Resolution = null,
    string? Code = null,
    IReadOnlyDictionary<string, string>? Values = null);
