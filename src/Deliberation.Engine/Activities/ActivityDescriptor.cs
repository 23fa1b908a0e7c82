using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Activities;

/// <summary>
/// What the designer and the validator know of an activity type: its stable name and version,
/// display names, category, inputs and outcomes.
/// </summary>
/// <param name="Type">Stable type name stored in definitions; never a CLR type name.</param>
/// <param name="Version">Type version; a definition names the version it was designed with.</param>
/// <param name="DisplayName">Palette name.</param>
/// <param name="Category">Palette group.</param>
/// <param name="Inputs">The inputs.</param>
/// <param name="Outcomes">The named outcome ports; empty for End.</param>
public sealed record ActivityDescriptor(
    string Type,
    int Version,
    LocalizedText DisplayName,
    LocalizedText Category,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes)
{
    /// <summary>What the activity does, for the palette's tooltip.</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>
    /// When set, the outcome ports are not fixed: they are the names listed in this input
    /// (Switch cases, Fork branches), plus <see cref="Outcomes"/>.
    /// </summary>
    public string? DynamicOutcomesInput { get; init; }

    /// <summary>Whether the activity may suspend the instance (shown as a wait in the diagram).</summary>
    public bool Waits { get; init; }
}
