using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Roster;

/// <summary>A community as a roster sees it: its structure and who is already on its roster.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="Precincts">Its precincts (网格).</param>
/// <param name="BuildingGroups">Its building groups (楼栋); a roster names them, so they exist first.</param>
/// <param name="Households">Its households.</param>
/// <param name="People">Its people.</param>
public sealed record RosterStructure(
    Guid CommunityId,
    IReadOnlyList<Precinct> Precincts,
    IReadOnlyList<BuildingGroup> BuildingGroups,
    IReadOnlyList<Household> Households,
    IReadOnlyList<Person> People);
