namespace Deliberation.Civic.Issues;

/// <summary>One part of a complaint's ranking score.</summary>
/// <param name="Name"><c>reporters</c>, <c>urgency</c>, <c>severity</c> or <c>share</c>.</param>
/// <param name="Raw">The value as recorded: the reporter count, urgency or severity 1–5, or the affected households.</param>
/// <param name="Normalized">The value on a 0–1 scale (rounded to 4 decimals).</param>
/// <param name="Weight">The configured weight.</param>
/// <param name="Contribution">Points of the 0–100 score this part gives: 100 · weight · normalised / sum of weights (rounded to 2 decimals).</param>
public sealed record ScorePart(string Name, double Raw, double Normalized, double Weight, double Contribution);
