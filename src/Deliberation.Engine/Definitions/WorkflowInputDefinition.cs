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

    /// <summary>
    /// The values a text input may take, each with the name the launch form shows (a dropdown); null when any
    /// value of the type goes.
    /// </summary>
    [JsonPropertyName("options")]
    public IReadOnlyList<WorkflowInputOption>? Options { get; init; }

    /// <summary>
    /// A setting most launches keep as it is (reminder offsets, quiet hours, the minutes template): the launch form
    /// folds it away under 高级 (advanced). Omitted from the document when false.
    /// </summary>
    [JsonPropertyName("advanced")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Advanced { get; init; }

    /// <summary>
    /// What the value names (a person, an organisation, a building group): the launch form shows a picker, and a start
    /// refuses a value that is not an id (a text input) or a list of ids (a json input). Omitted from the document when none.
    /// </summary>
    [JsonPropertyName("picker")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public InputPicker Picker { get; init; }
}

/// <summary>One value a workflow input may take.</summary>
public sealed record WorkflowInputOption
{
    /// <summary>The value scripts see, e.g. <c>lots</c>.</summary>
    [JsonPropertyName("value")]
    public string Value { get; init; } = "";

    /// <summary>What the launch form shows, e.g. 抽签.</summary>
    [JsonPropertyName("displayName")]
    public LocalizedText? DisplayName { get; init; }
}
