using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Deliberation.Engine.Activities;

namespace Deliberation.Engine.Definitions;

/// <summary>An input a workflow takes when it starts, shown as a field of the launch form.</summary>
public sealed record WorkflowInputDefinition
{
    /// <summary>The name scripts use (<c>input.name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The value type.</summary>
    [JsonPropertyName("type")]
    public InputType Type { get; init; } = InputType.Text;

    /// <summary>Whether starting without it is refused.</summary>
    [JsonPropertyName("required")]
    public bool Required { get; init; }

    /// <summary>The value used when the input is not given.</summary>
    [JsonPropertyName("default")]
    public JsonNode? Default { get; init; }

    /// <summary>Field label.</summary>
    [JsonPropertyName("displayName")]
    public LocalizedText? DisplayName { get; init; }

    /// <summary>Help text.</summary>
    [JsonPropertyName("description")]
    public LocalizedText? Description { get; init; }
}
