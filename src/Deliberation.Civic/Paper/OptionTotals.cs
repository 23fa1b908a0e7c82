namespace Deliberation.Civic.Paper;

/// <summary>How often an option was chosen, in all and by channel (<c>link</c>, <c>paper</c>, <c>proxy</c>).</summary>
/// <param name="Value">The option's value.</param>
/// <param name="Label">Its label.</param>
/// <param name="Count">How often it was chosen.</param>
/// <param name="Channels">How often, by channel.</param>
public sealed record OptionTotals(string Value, string Label, int Count, IReadOnlyDictionary<string, int> Channels);
