using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Tests.Issues;

[Trait("Category", "Deliberation")]
public sealed class ComplaintValidatorTests
{
    private static readonly Guid Building1 = Guid.NewGuid();
    private static readonly Guid Building2 = Guid.NewGuid();
    private static readonly Guid Flat1203 = Guid.NewGuid();
    private static readonly Guid Flat301 = Guid.NewGuid();
    private static readonly Guid Wang = Guid.NewGuid();
    private static readonly Guid Ouyang = Guid.NewGuid();

    private static readonly CommunityLayout Layout = new(
        new HashSet<Guid> { Building1, Building2 },
        new Dictionary<Guid, Guid> { [Flat1203] = Building1, [Flat301] = Building2 },
        new HashSet<Guid> { Wang, Ouyang });

    private static readonly MattersCatalogue Catalogue = new(MattersCatalogue.Default);

    private static ComplaintPlan Validate(ComplaintDraft draft) =>
        ComplaintValidator.Validate(draft, Catalogue, Layout, new Complaint { Id = Guid.NewGuid(), CommunityId = Guid.NewGuid() });

    private static ComplaintDraft Draft(int? reporterCount = null, Guid[]? buildings = null, Guid[]? households = null, Guid[]? reporters = null) =>
        new("lift", "  5栋电梯经常停运 ", "老人上楼难", 4, 5, reporterCount, buildings, households ?? [Flat1203], reporters);

    [Fact]
    public void Validate_HouseholdOnly_ImpliesItsBuildingGroup()
    {
        var plan = Validate(Draft());

        Assert.True(plan.IsValid);
        var scope = Assert.Single(plan.Scopes);
        Assert.Equal((Building1, (Guid?)Flat1203, (Guid?)null), (scope.BuildingGroupId, scope.HouseholdId, scope.FromComplaintId));
        Assert.Equal("5栋电梯经常停运", plan.Complaint!.Title);
        Assert.Equal((4, 5, 1, ComplaintStatus.Open), (plan.Complaint.Severity, plan.Complaint.Urgency, plan.Complaint.ReporterCount, plan.Complaint.Status));
    }

    [Fact]
    public void Validate_HouseholdInsideAWholeBuilding_IsNotStoredTwice()
    {
        var plan = Validate(Draft(buildings: [Building1, Building1], households: [Flat1203, Flat301]));

        Assert.Equal([(Building1, (Guid?)null), (Building2, Flat301)], plan.Scopes.Select(s => (s.BuildingGroupId, s.HouseholdId)));
    }

    [Fact]
    public void Validate_NamedReporters_CountAtLeastAsManyAsNamed()
    {
        Assert.Equal(2, Validate(Draft(reporterCount: 1, reporters: [Wang, Ouyang])).Complaint!.ReporterCount);
        Assert.Equal(9, Validate(Draft(reporterCount: 9, reporters: [Wang])).Complaint!.ReporterCount);
        Assert.Equal(2, Validate(Draft(reporters: [Wang, Ouyang, Wang])).Reporters.Count);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEachFieldInBothLanguages()
    {
        var plan = Validate(new ComplaintDraft("flying-cars", " ", null, 0, 6, 0, [Guid.NewGuid()], [Guid.NewGuid()], [Guid.NewGuid()]));

        Assert.False(plan.IsValid);
        Assert.Null(plan.Complaint);
        Assert.Equal(["buildingGroupIds", "categoryCode", "householdIds", "reporterCount", "reporterPersonIds", "severity", "title", "urgency"],
            plan.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var category = plan.Problems.Single(p => p.Field == "categoryCode");
        Assert.Contains("flying-cars", category.MessageZh, StringComparison.Ordinal);
        Assert.Contains("lift（加装电梯）", category.MessageZh, StringComparison.Ordinal);
        Assert.StartsWith("Unknown category 'flying-cars'", category.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NothingAffected_AsksForABuildingOrHousehold()
    {
        var plan = Validate(Draft(households: []) with { Severity = null });

        Assert.Equal(["buildingGroupIds", "severity"], plan.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal("请至少选择一个受影响的楼栋或住户。", plan.Problems.Single(p => p.Field == "buildingGroupIds").Message(english: false));
    }
}
