namespace Deliberation.Engine.Storage;

/// <summary>A bookmark created by a step; one with a due time becomes a timer row.</summary>
/// <param name="Id">Bookmark id.</param>
/// <param name="InstanceId">The waiting instance.</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="ExecutionId">The waiting execution.</param>
/// <param name="SignalName">The signal that resumes it; null for timers.</param>
/// <param name="DueAt">For a timer, when it fires; the store keeps a timer row for it.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record BookmarkRecord(
    Guid Id, Guid InstanceId, string ActivityId, string ExecutionId, string? SignalName, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);
