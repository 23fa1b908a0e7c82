namespace Deliberation.Engine.Activities;

/// <summary>
/// Something an activity waits for: a named signal, or a timer that fires at a due time.
/// </summary>
/// <param name="Tag">Lets the activity tell its own bookmarks apart when resumed (e.g. <c>signal</c>, <c>timeout</c>).</param>
/// <param name="SignalName">The signal name that resumes it; null for a timer.</param>
/// <param name="DueAt">When the timer fires; null for a signal.</param>
/// <param name="Correlation">
/// For a signal: when set, a queued signal resumes it only if it carries the same correlation value (a vote
/// closed in an earlier meeting must not resume the wait of the next one). A signal sent straight to the
/// instance (<see cref="Runtime.WorkflowRuntime.SignalAsync(Guid, string, System.Text.Json.Nodes.JsonNode?, string?, CancellationToken)"/>)
/// names the instance itself and ignores it.
/// </param>
public sealed record BookmarkRequest(string Tag, string? SignalName, DateTimeOffset? DueAt, string? Correlation = null)
{
    /// <summary>Waits for the named signal, optionally only for one correlation value.</summary>
    public static BookmarkRequest ForSignal(string name, string tag = "signal", string? correlation = null) => new(tag, name, null, correlation);

    /// <summary>Waits until the given time.</summary>
    public static BookmarkRequest ForTimer(DateTimeOffset dueAt, string tag = "timer") => new(tag, null, dueAt);
}
