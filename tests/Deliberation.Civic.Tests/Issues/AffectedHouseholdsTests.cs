using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Tests.Issues;

[Trait("Category", "Deliberation")]
public sealed class AffectedHouseholdsTests
{
    [Fact]
    public void Of_WholeBuildingAndHouseholds_CountsDistinctHouseholds()
    {
        Guid building1 = Guid.NewGuid(), building2 = Guid.NewGuid();
        Guid[] flats1 = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        Guid[] flats2 = [Guid.NewGuid(), Guid.NewGuid()];
        var byBuilding = flats1.Select(f => (Building: building1, Flat: f)).Concat(flats2.Select(f => (Building: building2, Flat: f)))
            .ToLookup(x => x.Building, x => x.Flat);
        ComplaintScope[] scopes =
        [
            new() { BuildingGroupId = building1 },
            new() { BuildingGroupId = building1, HouseholdId = flats1[0] },
            new() { BuildingGroupId = building2, HouseholdId = flats2[1] },
            new() { BuildingGroupId = building2, HouseholdId = flats2[1], FromComplaintId = Guid.NewGuid() },
        ];

        var affected = AffectedHouseholds.Of(scopes, byBuilding);

        Assert.Equal(flats1.Append(flats2[1]).ToHashSet(), affected.ToHashSet());
    }
}
