using System.Text.Json.Nodes;

namespace Deliberation.Engine.Activities;

/// <summary>What an activity asks the runner to do next.</summary>
public abstract record ActivityResult
{
    private protected ActivityResult() { }

    /// <summary>Completes through one outcome port, optionally with an output value.</summary>
    public static ActivityResult Complete(string outcome = "Done", JsonNode? output = null) => new Completed(outcome, output);

    /// <summary>Suspends the instance until one of the bookmarks is resumed.</summary>
    public static ActivityResult Suspend(params BookmarkRequest[] bookmarks) => new Suspended(bookmarks);

    /// <summary>The activity completed through <paramref name="Outcome"/>.</summary>
    public sealed record Completed(string Outcome, JsonNode? Output) : ActivityResult;

    /// <summary>The activity waits on bookmarks.</summary>
    public sealed record Suspended(IReadOnlyList<BookmarkRequest> Bookmarks) : ActivityResult;

    /// <summary>Starts one branch per named port (Fork).</summary>
    internal sealed record Forked(IReadOnlyList<string> Ports) : ActivityResult;

    /// <summary>Joins the branches of the innermost fork (Join).</summary>
    internal sealed record Joined(bool WaitForAll) : ActivityResult;

    /// <summary>Runs the body once per item, in parallel (ForEach).</summary>
    internal sealed record Iterated(IReadOnlyList<JsonNode?> Items) : ActivityResult;

    /// <summary>Ends the instance (End).</summary>
    internal sealed record Ended : ActivityResult;
}
