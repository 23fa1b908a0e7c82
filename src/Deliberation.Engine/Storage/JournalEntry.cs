namespace Deliberation.Engine.Storage;

/// <summary>
/// One append-only journal line. Holds ids and outcomes only — never names, emails or payloads.
/// </summary>
public sealed record JournalEntry(
    Guid InstanceId,
    long Seq,
    DateTimeOffset At,
    string Kind,
    string? ActivityId = null,
    string? ExecutionId = null,
    Guid? BookmarkId = null,
    string? Outcome = null,
    string? Detail = null);
