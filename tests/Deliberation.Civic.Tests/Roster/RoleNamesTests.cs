using Deliberation.Civic.Communities;
using Deliberation.Civic.Roster;

namespace Deliberation.Civic.Tests.Roster;

public sealed class RoleNamesTests
{
    [Theory]
    [InlineData("", PersonRoles.Resident)]
    [InlineData("居民", PersonRoles.Resident)]
    [InlineData("居民、楼长", PersonRoles.Resident | PersonRoles.BuildingHead)]
    [InlineData("网格员,社工", PersonRoles.GridWorker | PersonRoles.SocialWorker)]
    [InlineData("志愿者,物业", PersonRoles.Volunteer | PersonRoles.PropertyCompany)]
    [InlineData("业委会;驻区单位", PersonRoles.OwnersCommittee | PersonRoles.ResidentUnit)]
    [InlineData("律师 / 会计师", PersonRoles.Lawyer | PersonRoles.Accountant)]
    [InlineData("社区负责人、社会组织", PersonRoles.CommunityLead | PersonRoles.SocialOrganisation)]
    [InlineData("lawyer, BuildingHead", PersonRoles.Lawyer | PersonRoles.BuildingHead)]
    [InlineData("居委会、网格党支部", PersonRoles.ResidentsCommittee | PersonRoles.GridPartyBranch)]
    public void TryParse_KnownNamesWithAnySeparator_ReadsTheFlags(string text, PersonRoles expected)
    {
        Assert.True(RoleNames.TryParse(text, out var roles, out _));
        Assert.Equal(expected, roles);
    }

    [Fact]
    public void TryParse_UnknownName_ReturnsIt()
    {
        Assert.False(RoleNames.TryParse("居民、保安", out _, out var unknown));
        Assert.Equal("保安", unknown);
    }

    [Fact]
    public void Format_EveryRole_ReadsBackTheSame()
    {
        var all = RoleNames.All.Aggregate(PersonRoles.None, (a, r) => a | r.Role);

        var text = RoleNames.Format(all);

        Assert.Equal("居民、楼长、网格员、社工、志愿者、物业、业委会、驻区单位、律师、会计师、社区负责人、社会组织、居委会、网格党支部", text);
        Assert.True(RoleNames.TryParse(text, out var roles, out _));
        Assert.Equal(all, roles);
    }
}
