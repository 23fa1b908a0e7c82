using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Activities;

/// <summary>Describes one input of an activity type, from which the property panel is built.</summary>
/// <param name="Name">The key in the definition's <c>inputs</c> object.</param>
/// <param name="Type">The value type.</param>
/// <param name="DisplayName">Field label.</param>
/// <param name="Required">Whether a definition without it is refused.</param>
/// <param name="UiHint">The editor to show.</param>
public sealed record InputDescriptor(string Name, InputType Type, LocalizedText DisplayName, bool Required, UiHint UiHint)
{
    /// <summary>Help text.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>The options of a dropdown.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>
    /// What the dropdown shows for each of <see cref="Options"/>, in the same order (e.g. 是/否 for <c>yes-no</c>); the
    /// option itself is shown when null. The definition stores the option, never the label.
    /// </summary>
    public IReadOnlyList<LocalizedText>? OptionLabels { get; init; }

    /// <summary>The value used when the input is absent.</summary>
    public JsonNode? Default { get; init; }

    /// <summary>Expression types the input accepts; all three when null.</summary>
    public IReadOnlyList<string>? Syntaxes { get; init; }
}
