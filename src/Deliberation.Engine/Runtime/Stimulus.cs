using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>What makes an instance take a step.</summary>
public abstract record Stimulus
{
    private protected Stimulus() { }

    /// <summary>Start the instance.</summary>
    public sealed record Start : Stimulus;

    /// <summary>Resume a bookmark (a signal or a timer).</summary>
    /// <param name="BookmarkId">The bookmark.</param>
    /// <param name="Source"><c>signal</c>, <c>timer</c> or <c>api</c>, for the journal.</param>
    /// <param name="Payload">The signal's payload.</param>
    public sealed record Resume(Guid BookmarkId, string Source, JsonNode? Payload) : Stimulus;

    /// <summary>Re-run a faulted activity.</summary>
    public sealed record Retry(Guid IncidentId) : Stimulus;

    /// <summary>Cancel the instance and its timers.</summary>
    public sealed record Cancel : Stimulus;
}
