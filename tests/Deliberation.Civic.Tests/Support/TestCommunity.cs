using System.Text;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Roster;

namespace Deliberation.Civic.Tests.Support;

/// <summary>
/// A small community: precincts 东苑 and 西苑; building groups 1栋 and 5栋 in 东苑, 2栋 in 西苑; household
/// 2栋 301 (75㎡) with its representative 李四 on the roster, and a lawyer 周律师 without a household.
/// </summary>
public static class TestCommunity
{
    public static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    public static readonly Precinct East = new() { Id = Guid.NewGuid(), CommunityId = Id, Name = "东苑" };
    public static readonly Precinct West = new() { Id = Guid.NewGuid(), CommunityId = Id, Name = "西苑" };
    public static readonly BuildingGroup Building1 = new() { Id = Guid.NewGuid(), CommunityId = Id, PrecinctId = East.Id, Name = "1栋" };
    public static readonly BuildingGroup Building5 = new() { Id = Guid.NewGuid(), CommunityId = Id, PrecinctId = East.Id, Name = "5栋" };
    public static readonly BuildingGroup Building2 = new() { Id = Guid.NewGuid(), CommunityId = Id, PrecinctId = West.Id, Name = "2栋" };
    public static readonly Household Unit301 = new() { Id = Guid.NewGuid(), CommunityId = Id, BuildingGroupId = Building2.Id, Unit = "301", FloorArea = 75m };

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The structure without households or people.</summary>
    public static RosterStructure Empty => new(Id, [East, West], [Building1, Building5, Building2], [], []);

    /// <summary>The structure with 2栋 301 and its people.</summary>
    public static RosterStructure WithRoster => Empty with
    {
        Households = [Unit301],
        People =
        [
            new Person { Id = Guid.NewGuid(), CommunityId = Id, HouseholdId = Unit301.Id, BuildingGroupId = Building2.Id, Name = "李四", Roles = PersonRoles.Resident, IsHouseholdRepresentative = true },
            new Person { Id = Guid.NewGuid(), CommunityId = Id, Name = "周律师", Roles = PersonRoles.Lawyer },
        ],
    };

    public static byte[] Utf8(string csv) => Encoding.UTF8.GetBytes(csv);

    /// <summary>Parses and validates, failing the test if the file itself could not be read.</summary>
    public static RosterImportPlan Plan(string csv, RosterStructure? structure = null) =>
        RosterValidator.Plan(Utf8(csv), structure ?? WithRoster, Now);
}
