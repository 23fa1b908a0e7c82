namespace Deliberation.Civic.Issues;

/// <summary>Which households a complaint's scopes cover.</summary>
public static class AffectedHouseholds
{
    /// <summary>
    /// The distinct households: a scope naming a household covers it; a scope naming only a building
    /// group covers every household of that group. Scopes copied in by a merge count once.
    /// </summary>
    /// <param name="scopes">The complaint's scopes.</param>
    /// <param name="householdsByBuildingGroup">The community's households by building group.</param>
    public static IReadOnlySet<Guid> Of(IEnumerable<ComplaintScope> scopes, ILookup<Guid, Guid> householdsByBuildingGroup)
    {
        var households = new HashSet<Guid>();
        foreach (var scope in scopes)
        {
            if (scope.HouseholdId is { } household) households.Add(household);
            else households.UnionWith(householdsByBuildingGroup[scope.BuildingGroupId]);
        }
        return households;
    }
}
