using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Roster;

/// <summary>A person as lists show them, with their building group and household.</summary>
/// <param name="Id">The person.</param>
/// <param name="Name">Full name.</param>
/// <param name="Roles">Roles.</param>
/// <param name="BuildingGroupId">The building group, if any.</param>
/// <param name="BuildingGroupName">Its name.</param>
/// <param name="HouseholdId">The household, if a resident.</param>
/// <param name="Unit">The household's unit.</param>
/// <param name="FloorArea">The household's floor area in square metres.</param>
/// <param name="Email">Email, in full.</param>
/// <param name="Phone">Phone, in full: callers mask it for lists.</param>
/// <param name="IsHouseholdRepresentative">Whether the person represents the household.</param>
/// <param name="CreatedAt">When the person was added.</param>
public sealed record PersonListing(Guid Id, string Name, PersonRoles Roles, Guid? BuildingGroupId, string? BuildingGroupName,
    Guid? HouseholdId, string? Unit, decimal? FloorArea, string? Email, string? Phone, bool IsHouseholdRepresentative, DateTimeOffset CreatedAt);
