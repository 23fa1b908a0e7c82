using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>An activity execution that is waiting (on bookmarks or ForEach branches) or faulted.</summary>
public sealed class Execution
{
    /// <summary>Execution id, unique within the instance.</summary>
    public string Id { get; set; } = "";

    /// <summary>The activity.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>The frames the execution is inside, outermost first.</summary>
    public List<ScopeEntry> Scope { get; set; } = [];

    /// <summary>State the activity keeps between execute and resume.</summary>
    public JsonObject? State { get; set; }

    /// <summary>The bookmarks it waits on.</summary>
    public List<WaitingBookmark> Bookmarks { get; set; } = [];

    /// <summary>For a ForEach: the branch frames still open.</summary>
    public List<string>? BranchFrames { get; set; }

    /// <summary>For a faulted execution: its incident.</summary>
    public Guid? IncidentId { get; set; }

    /// <summary>For a faulted execution: how many times it has failed.</summary>
    public int Attempts { get; set; }

    /// <summary>For an execution that faulted while resuming: the resume to repeat on retry.</summary>
    public PendingResume? FailedResume { get; set; }
}
