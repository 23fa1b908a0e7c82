using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Deliberation.Engine.Definitions;

/// <summary>A workflow variable: state that activities read and write while an instance runs.</summary>
public sealed record VariableDefinition
{
    /// <summary>The name scripts use (<c>vars.name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The value the variable holds when the instance starts.</summary>
    [JsonPropertyName("default")]
    public JsonNode? Default { get; init; }
}
