
namespace Deliberation.Civic.Elections;

/// <summary>An affected group with its building groups and elections.</summary>
/// <param name="Group">The group.</param>
/// <param name="BuildingGroupIds">The building groups its households belong to.</param>
/// <param name="HouseholdsWithoutRepresentative">Households with no household representative on the roster: they have no vote until one is named.</param>
/// <param name="Elections">Its elections, layer 1 first.</param>
public sealed record GroupSnapshot(AffectedGroup Group, IReadOnlyList<Guid> BuildingGroupIds, int HouseholdsWithoutRepresentative,
    IReadOnlyList<Election> Elections);
