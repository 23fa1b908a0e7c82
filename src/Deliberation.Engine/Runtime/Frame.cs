using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>
/// A group of branches started by one execution of a Fork, or one branch of a ForEach. Branches
/// carry the frame in their scope, so a Join knows which fork it closes even when a loop runs the
/// fork again, and a ForEach knows when all its branches have finished.
/// </summary>
public sealed class Frame
{
    /// <summary>Frame id, unique within the instance.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>fork</c> or <c>forEach</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The execution that opened the frame (the Fork's or the ForEach's).</summary>
    public string OwnerExecutionId { get; set; } = "";

    /// <summary>The scope of the Fork or ForEach that opened the frame; a Join continues in it.</summary>
    public List<ScopeEntry> OuterScope { get; set; } = [];

    /// <summary>Number of branches the fork started.</summary>
    public int Branches { get; set; }

    /// <summary>Fork branches that reached the join.</summary>
    public List<string> Arrived { get; set; } = [];

    /// <summary>The Join the branches arrive at, once one has.</summary>
    public string? JoinActivityId { get; set; }

    /// <summary>The ForEach item of this branch.</summary>
    public JsonNode? Item { get; set; }

    /// <summary>The ForEach item index of this branch.</summary>
    public int Index { get; set; }

    /// <summary>Outputs of activities run inside this ForEach branch, by activity id.</summary>
    public Dictionary<string, JsonNode?>? Outputs { get; set; }
}
