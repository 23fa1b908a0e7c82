namespace Deliberation.Engine.Runtime;

/// <summary>A bookmark as the instance state remembers it.</summary>
/// <param name="Id">The bookmark.</param>
/// <param name="Tag">The activity's own name for it.</param>
/// <param name="SignalName">The signal that resumes it; null for a timer.</param>
/// <param name="DueAt">When a timer fires; null for a signal.</param>
/// <param name="Correlation">When set, only a queued signal carrying this value resumes it (e.g. the meeting it waits on).</param>
public sealed record WaitingBookmark(Guid Id, string Tag, string? SignalName, DateTimeOffset? DueAt, string? Correlation = null);
