namespace Deliberation.Engine.Runtime;

/// <summary>An activity an instance waits on, with its bookmarks.</summary>
public sealed record WaitingActivity(string ActivityId, string ExecutionId, IReadOnlyList<WaitingBookmark> Bookmarks);
