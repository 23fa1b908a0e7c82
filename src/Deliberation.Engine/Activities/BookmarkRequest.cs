namespace Deliberation.Engine.Activities;

/// <summary>
/// Something an activity waits for: a named signal, or a timer that fires at a due time.
/// </summary>
/// <param name="Tag">Lets the activity tell its own bookmarks apart when resumed (e.g. <c>signal</c>, <c>timeout</c>).</param>
/// <param name="SignalName">The signal name that resumes it; null for a timer.</param>
/// <param name="DueAt">When the timer fires; null for a signal.</param>
public sealed record BookmarkRequest(string Tag, string? SignalName, DateTimeOffset? DueAt)
{
    /// <summary>Waits for the named signal.</summary>
    public static BookmarkRequest ForSignal(string name, string tag = "signal") => new(tag, name, null);

    /// <summary>Waits until the given time.</summary>
    public static BookmarkRequest ForTimer(DateTimeOffset dueAt, string tag = "timer") => new(tag, null, dueAt);
}
