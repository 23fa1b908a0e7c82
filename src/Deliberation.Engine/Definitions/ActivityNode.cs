using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Deliberation.Engine.Definitions;

/// <summary>One activity placed on a workflow's flowchart.</summary>
public sealed record ActivityNode
{
    /// <summary>Unique within the workflow; connections refer to it.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The activity type name, e.g. <c>WaitForSignal</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>The activity type version; 1 when omitted.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    /// <summary>An optional label shown in the designer instead of the type's display name.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>Input values by input name.</summary>
    [JsonPropertyName("inputs")]
    public Dictionary<string, Expression> Inputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Free-form data for tools; the designer keeps its layout under <c>designer</c>.</summary>
    [JsonPropertyName("metadata")]
    public JsonObject? Metadata { get; init; }
}
