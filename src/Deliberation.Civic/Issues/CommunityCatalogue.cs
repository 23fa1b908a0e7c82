namespace Deliberation.Civic.Issues;

/// <summary>A community's deliberation matters catalogue as staff see it.</summary>
/// <param name="Matters">The kinds of matter, in order.</param>
/// <param name="Own">Whether the community saved its own; false while it reads the configured catalogue.</param>
/// <param name="Complaints">How many complaints of the community are of each kind, by code (a kind in use cannot be removed).</param>
public sealed record CommunityCatalogue(IReadOnlyList<DeliberationMatter> Matters, bool Own, IReadOnlyDictionary<string, int> Complaints);
