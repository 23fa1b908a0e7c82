namespace Deliberation.Engine.Runtime;

/// <summary>A bookmark as the instance state remembers it.</summary>
public sealed record WaitingBookmark(Guid Id, string Tag, string? SignalName, DateTimeOffset? DueAt);
