namespace Deliberation.Engine.Storage;

/// <summary>A faulted activity execution that staff can retry.</summary>
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
    string? Resolution = null);
