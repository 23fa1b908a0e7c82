namespace Deliberation.Civic.Issues;

/// <summary>A person of the roster who can sit on a panel as an advisor of some kind.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">Their name.</param>
public sealed record AdvisorCandidate(Guid PersonId, string Name);
