namespace Deliberation.Civic.Participation;

/// <summary>One choice on an answer page.</summary>
/// <param name="Value">What the answer records, e.g. <c>a</c>.</param>
/// <param name="Label">What the person reads, e.g. 同意.</param>
public sealed record TaskOption(string Value, string Label);
