namespace Deliberation.Civic.Audiences;

/// <summary>One person an audience resolved to.</summary>
/// <param name="PersonId">The person on the roster.</param>
/// <param name="Name">Their name, for the greeting.</param>
/// <param name="Email">Their address when the roster has a valid one; null otherwise (a building head answers or tells them).</param>
/// <param name="BuildingGroupId">The building group they live in (by their household) or belong to; null for none.</param>
public sealed record AudienceMember(Guid PersonId, string Name, string? Email, Guid? BuildingGroupId);
