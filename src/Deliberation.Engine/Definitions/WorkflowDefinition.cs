using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Deliberation.Engine.Definitions;

/// <summary>
/// A workflow as designed: a flowchart of activities and connections with inputs and variables.
/// This is the JSON document stored in <c>workflows/</c> and by the API (see workflows/README.md).
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>A stable id of lowercase letters, digits and dashes, e.g. <c>fanshi-youjiqing</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The name shown to staff.</summary>
    [JsonPropertyName("displayName")]
    public LocalizedText? DisplayName { get; init; }

    /// <summary>What the workflow is for.</summary>
    [JsonPropertyName("description")]
    public LocalizedText? Description { get; init; }

    /// <summary>Inputs given when an instance starts.</summary>
    [JsonPropertyName("inputs")]
    public List<WorkflowInputDefinition> Inputs { get; init; } = [];

    /// <summary>Variables of each instance.</summary>
    [JsonPropertyName("variables")]
    public List<VariableDefinition> Variables { get; init; } = [];

    /// <summary>The activities on the flowchart.</summary>
    [JsonPropertyName("activities")]
    public List<ActivityNode> Activities { get; init; } = [];

    /// <summary>The connections between activity ports.</summary>
    [JsonPropertyName("connections")]
    public List<Connection> Connections { get; init; } = [];

    /// <summary>When the host starts instances by itself (a cron in Beijing time); null for a workflow started only by people.</summary>
    [JsonPropertyName("schedule")]
    public WorkflowSchedule? Schedule { get; init; }

    /// <summary>Free-form data for tools (the designer's viewport, for instance).</summary>
    [JsonPropertyName("metadata")]
    public JsonObject? Metadata { get; init; }
}
