using System.Text.Json.Serialization;

namespace Deliberation.Engine.Definitions;

/// <summary>An edge from an outcome (port) of one activity to the input port of another.</summary>
public sealed record Connection
{
    /// <summary>The name of every activity's single input port.</summary>
    public const string InputPort = "In";

    /// <summary>Id of the activity the connection leaves.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = "";

    /// <summary>The outcome of the source activity that follows this connection.</summary>
    [JsonPropertyName("sourcePort")]
    public string SourcePort { get; init; } = "Done";

    /// <summary>Id of the activity the connection enters.</summary>
    [JsonPropertyName("target")]
    public string Target { get; init; } = "";

    /// <summary>The target's port; always <c>In</c> today.</summary>
    [JsonPropertyName("targetPort")]
    public string TargetPort { get; init; } = InputPort;
}
