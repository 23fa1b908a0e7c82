namespace Deliberation.Civic.Issues;

/// <summary>What a complaint's references are checked against: the community's building groups, households and people.</summary>
/// <param name="BuildingGroupIds">The community's building groups.</param>
/// <param name="HouseholdBuildings">The community's households, each with its building group.</param>
/// <param name="PersonIds">The community's people.</param>
public sealed record CommunityLayout(IReadOnlySet<Guid> BuildingGroupIds, IReadOnlyDictionary<Guid, Guid> HouseholdBuildings, IReadOnlySet<Guid> PersonIds);
