using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>Everything an instance carries between steps, stored as one JSON document.</summary>
public sealed class InstanceState
{
    /// <summary>The inputs it was started with.</summary>
    public Dictionary<string, JsonNode?> Input { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Workflow variables.</summary>
    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last output of each activity outside ForEach branches.</summary>
    public Dictionary<string, JsonNode?> Outputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The inputs each activity evaluated when it last ran (a resumed activity adds to what it read before), long values
    /// cut short: what the instance viewer shows beside the outputs. Absent in states written before it existed.
    /// </summary>
    public Dictionary<string, JsonObject> Inputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Executions waiting on bookmarks or branches.</summary>
    public List<Execution> Waiting { get; set; } = [];

    /// <summary>Executions stopped by an incident, waiting for a retry.</summary>
    public List<Execution> Faulted { get; set; } = [];

    /// <summary>Open fork and ForEach frames by id.</summary>
    public Dictionary<string, Frame> Frames { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counter for execution and frame ids.</summary>
    public long NextId { get; set; }

    /// <summary>The last journal sequence number used.</summary>
    public long JournalSeq { get; set; }

    /// <summary>For a child started by <c>RunWorkflow</c>: the parent that waits for it; null for an instance started on its own.</summary>
    public ParentLink? Parent { get; set; }
}
