using Deliberation.Civic.Communities;
using Deliberation.Civic.Roster;
using Deliberation.Civic.Tests.Support;

namespace Deliberation.Civic.Tests.Roster;

public sealed class RosterValidatorTests
{
    private const string Header = "网格,楼栋,房号,建筑面积,姓名,角色,邮箱,电话,户代表\n";

    private static List<(int? Line, string? Column, string Code)> Problems(RosterImportPlan plan) =>
        plan.Problems.Select(p => (p.Line, p.Column, p.Code)).ToList();

    /// <summary>Two compounds of one community, 龙基花园 and 富怡苑, each with a 1栋 (Wenhualu has 57 compounds, many with their own 1栋).</summary>
    private static RosterStructure TwoCompounds(out BuildingGroup longji, out BuildingGroup fuyi)
    {
        longji = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = TestCommunity.Id, PrecinctId = TestCommunity.East.Id, Compound = "龙基花园", Name = "1栋" };
        fuyi = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = TestCommunity.Id, PrecinctId = TestCommunity.East.Id, Compound = "富怡苑", Name = "1栋" };
        return TestCommunity.Empty with { BuildingGroups = [longji, fuyi, TestCommunity.Building5] };
    }

    [Fact]
    public void Validate_TwoCompoundsEachWithA1栋_TheCompoundColumnSaysWhichAndTheEntranceIsKept()
    {
        var structure = TwoCompounds(out var longji, out var fuyi);

        var plan = TestCommunity.Plan("小区,楼栋,单元,房号,建筑面积,姓名,户代表\n" +
            "龙基花园,1栋,1单元,101,80,张一,是\n" +
            "富怡苑,1栋,,101,60,李一,是\n" +
            ",5栋,3单元,502,70,王五,是\n", structure);

        Assert.True(plan.IsValid, string.Join("; ", plan.Problems.Select(p => p.MessageEn)));
        Assert.Equal([(longji.Id, "1单元", "101"), (fuyi.Id, "", "101"), (TestCommunity.Building5.Id, "3单元", "502")],
            plan.Households.Select(h => (h.BuildingGroupId, h.Entrance, h.Unit)).ToList());
        Assert.Equal(("龙基花园1栋", "5栋"), (longji.Label, TestCommunity.Building5.Label));
    }

    [Fact]
    public void Validate_SameUnitNumberInTwoEntrances_IsTwoHouseholds_AndARepeatedEntranceAndUnitIsOne()
    {
        var plan = TestCommunity.Plan("楼栋,单元,房号,建筑面积,姓名,户代表\n" +
            "5栋,1单元,101,80,张一,是\n" +
            "5栋,2单元,101,80,李二,是\n" +
            "5栋,2单元,101,80,王五,是\n", TestCommunity.Empty with { BuildingGroups = [TestCommunity.Building5] });

        // 1单元101 and 2单元101 are two homes; 王五 is a second representative of 2单元101.
        Assert.Equal([(4, "户代表", "duplicate-representative")], Problems(plan));
        Assert.Contains("2单元101", plan.Problems[0].MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BuildingNameInSeveralCompoundsWithoutTheCompound_IsRefusedNamingThem()
    {
        var plan = TestCommunity.Plan("楼栋,单元,房号,建筑面积,姓名\n1栋,1单元,101,80,张一\n,2单元,,,李二\n", TwoCompounds(out _, out _));

        Assert.Equal([(2, "小区", "ambiguous-building"), (3, "单元", "entrance-without-unit"), (3, "房号", "unit-required")], Problems(plan));
        Assert.Contains("富怡苑、龙基花园", plan.Problems[0].MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidRoster_PlansNewHouseholdsAndPeopleLinkedToExistingOnes()
    {
        var plan = TestCommunity.Plan(Header +
            "东苑,1栋,1203,89.5㎡,王小明,居民、楼长,wang@example.com,138-1234-5678,是\n" +
            ",1栋,1203,89.50,王小红,,,,否\n" +
            "西苑,2栋,301,75 平方米,李小四,,,,\n" +
            ",,,,孙会计,会计师/志愿者,sun@example.org,+86 139 0000 1111,\n" +
            ",5栋,,,钱楼长,楼长,,,\n");

        Assert.True(plan.IsValid, string.Join("; ", plan.Problems.Select(p => p.MessageEn)));
        var household = Assert.Single(plan.Households);
        Assert.Equal((TestCommunity.Building1.Id, "1203", 89.5m), (household.BuildingGroupId, household.Unit, household.FloorArea));
        Assert.Equal(5, plan.People.Count);
        var wang = plan.People[0];
        Assert.Equal((household.Id, TestCommunity.Building1.Id), (wang.HouseholdId!.Value, wang.BuildingGroupId!.Value));
        Assert.Equal(PersonRoles.Resident | PersonRoles.BuildingHead, wang.Roles);
        Assert.Equal(("wang@example.com", "13812345678", true), (wang.Email, wang.Phone, wang.IsHouseholdRepresentative));
        Assert.Equal((household.Id, PersonRoles.Resident, false), (plan.People[1].HouseholdId!.Value, plan.People[1].Roles, plan.People[1].IsHouseholdRepresentative));
        Assert.Equal(TestCommunity.Unit301.Id, plan.People[2].HouseholdId);
        var accountant = plan.People[3];
        Assert.Equal((null, null, PersonRoles.Accountant | PersonRoles.Volunteer, "+8613900001111"),
            (accountant.HouseholdId, accountant.BuildingGroupId, accountant.Roles, accountant.Phone));
        Assert.Equal((null, TestCommunity.Building5.Id), (plan.People[4].HouseholdId, plan.People[4].BuildingGroupId));
        Assert.All(plan.People, p => Assert.Equal((TestCommunity.Id, TestCommunity.Now), (p.CommunityId, p.CreatedAt)));
    }

    [Theory]
    [InlineData(",1栋,1203,89.5,,,,,", "姓名", "name-required")]
    [InlineData(",1栋,1203,89.5,王\u0007小明,,,,", "姓名", "name-invalid")]
    [InlineData(",9栋,1203,89.5,王小明,,,,", "楼栋", "unknown-building")]
    [InlineData(",,1203,89.5,王小明,,,,", "楼栋", "building-required")]
    [InlineData("北苑,1栋,1203,89.5,王小明,,,,", "网格", "unknown-precinct")]
    [InlineData("西苑,1栋,1203,89.5,王小明,,,,", "网格", "precinct-mismatch")]
    [InlineData(",1栋,,,王小明,,,,", "房号", "unit-required")]
    [InlineData(",1栋,,,王小明,居民、律师,,,", "房号", "unit-required")]
    [InlineData(",1栋,123456789012345678901234567890123456789012345678901,89.5,王小明,,,,", "房号", "unit-too-long")]
    [InlineData(",1栋,1203,,王小明,,,,", "建筑面积", "area-required")]
    [InlineData(",1栋,1203,八十,王小明,,,,", "建筑面积", "area-invalid")]
    [InlineData(",1栋,1203,-5,王小明,,,,", "建筑面积", "area-invalid")]
    [InlineData(",1栋,1203,0,王小明,,,,", "建筑面积", "area-out-of-range")]
    [InlineData(",1栋,1203,100000,王小明,,,,", "建筑面积", "area-out-of-range")]
    [InlineData(",,,89.5,张律师,律师,,,", "建筑面积", "area-without-unit")]
    [InlineData(",1栋,1203,89.5,王小明,居民、管家,,,", "角色", "unknown-role")]
    [InlineData(",1栋,1203,89.5,王小明,,wang@,,", "邮箱", "email-invalid")]
    [InlineData(",1栋,1203,89.5,王小明,,wang@example,,", "邮箱", "email-invalid")]
    [InlineData(",1栋,1203,89.5,王小明,,王 <wang@example.com>,,", "邮箱", "email-invalid")]
    [InlineData(",1栋,1203,89.5,王小明,,=cmd@example.com,,", "邮箱", "email-invalid")]
    [InlineData(",1栋,1203,89.5,王小明,,,138123,", "电话", "phone-invalid")]
    [InlineData(",1栋,1203,89.5,王小明,,,(0755)12345678,", "电话", "phone-invalid")]
    [InlineData(",1栋,1203,89.5,王小明,,,,也许", "户代表", "representative-invalid")]
    [InlineData(",,,,张律师,律师,,,是", "户代表", "representative-without-household")]
    public void Validate_BadValue_ReportsItsCodeColumnAndLine(string row, string column, string code)
    {
        var plan = TestCommunity.Plan(Header + "东苑,1栋,1101,60,赵一,,,,\n" + row + "\n");

        Assert.Equal([(3, column, code)], Problems(plan));
        Assert.Empty(plan.People);
        Assert.Empty(plan.Households);
    }

    [Fact]
    public void Validate_NameOfFiftyCharacters_AcceptedAndFiftyOneRefused()
    {
        var fifty = new string('王', 50);
        Assert.True(TestCommunity.Plan(Header + $",1栋,1203,89.5,{fifty},,,,\n").IsValid);

        var plan = TestCommunity.Plan(Header + $",1栋,1203,89.5,{fifty}王,,,,\n");

        Assert.Equal([(2, "姓名", "name-too-long")], Problems(plan));
    }

    [Fact]
    public void Validate_HouseholdListedWithTwoAreas_ReportsTheLaterLineNamingTheEarlier()
    {
        var plan = TestCommunity.Plan(Header + ",1栋,1203,89.5,王小明,,,,\n,1栋,1204,70,赵六,,,,\n,1栋,1203,95,王小红,,,,\n");

        var problem = Assert.Single(plan.Problems);
        Assert.Equal((4, "建筑面积", "duplicate-household"), (problem.Line, problem.Column, problem.Code));
        Assert.Contains("第 2 行", problem.MessageZh, StringComparison.Ordinal);
        Assert.Contains("line 2", problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoRepresentativesOfOneHousehold_ReportsTheSecond()
    {
        var plan = TestCommunity.Plan(Header + ",1栋,1203,89.5,王小明,,,,是\n,1栋,1203,89.5,王小红,,,,是\n");

        Assert.Equal([(3, "户代表", "duplicate-representative")], Problems(plan));
    }

    [Fact]
    public void Validate_RepresentativeOfAHouseholdThatHasOneOnTheRoster_Reported()
    {
        var plan = TestCommunity.Plan(Header + ",2栋,301,75,李小四,,,,是\n");

        var problem = Assert.Single(plan.Problems);
        Assert.Equal((2, "duplicate-representative"), (problem.Line, problem.Code));
        Assert.Contains("李四", problem.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SamePersonTwiceInOneHousehold_ReportsTheSecond()
    {
        var plan = TestCommunity.Plan(Header + ",1栋,1203,89.5,王小明,,,,\n,1栋,1203,89.5,王小红,,,,\n,1栋,1203,89.5,王小明,,,,\n");

        Assert.Equal([(4, "姓名", "duplicate-person")], Problems(plan));
    }

    [Fact]
    public void Validate_SameNameInTwoHouseholds_Accepted()
    {
        Assert.True(TestCommunity.Plan(Header + ",1栋,1203,89.5,王小明,,,,\n,1栋,1204,89.5,王小明,,,,\n").IsValid);
    }

    [Fact]
    public void Validate_HouseholdRecordedWithAnotherArea_ReportsAConflict()
    {
        var plan = TestCommunity.Plan(Header + ",2栋,301,80,李小四,,,,\n");

        var problem = Assert.Single(plan.Problems);
        Assert.Equal((2, "household-conflict"), (problem.Line, problem.Code));
        Assert.Contains("75", problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PersonAlreadyOnTheRoster_Reported()
    {
        var plan = TestCommunity.Plan(Header + ",2栋,301,75,李四,,,,\n,,,,周律师,律师,,,\n");

        Assert.Equal([(2, "姓名", "already-on-roster"), (3, "姓名", "already-on-roster")], Problems(plan));
    }

    [Fact]
    public void Validate_UnitsDifferingOnlyInCase_AreOneHousehold()
    {
        var plan = TestCommunity.Plan(Header + ",1栋,A-1203,89.5,王小明,,,,\n,1栋,a-1203,89.5,王小红,,,,\n");

        Assert.True(plan.IsValid);
        Assert.Single(plan.Households);
    }

    [Fact]
    public void Validate_AcceptanceRoster_RefusesWithEveryProblemAndItsLine()
    {
        var longName = new string('名', 10_000);
        var csv = Header +
            "东苑,1栋,1203,89.5,王小明,\"居民,\n楼长\",wang@example.com,13812345678,是\n" + // lines 2–3
            "东苑,1栋,1203,95,王小红,,,,\n" + // line 4: duplicate household
            "东苑,1栋,1204,70,赵六,,zhao6@@example,,\n" + // line 5: malformed email
            ",8栋,801,100,钱七,,,,\n" + // line 6: unknown building
            $"东苑,1栋,1205,60,{longName},,,,\n"; // line 7: 10,000-character name

        var plan = TestCommunity.Plan(csv);

        Assert.False(plan.IsValid);
        Assert.Equal(
            [(4, "建筑面积", "duplicate-household"), (5, "邮箱", "email-invalid"), (6, "楼栋", "unknown-building"), (7, "姓名", "name-too-long")],
            Problems(plan));
        Assert.Contains("10000", plan.Problems[3].MessageEn, StringComparison.Ordinal);
        Assert.True(plan.Problems[3].MessageZh.Length < 200, "The message quotes no 10,000-character value.");
        Assert.Empty(plan.People);
        Assert.Empty(plan.Households);
    }
}
