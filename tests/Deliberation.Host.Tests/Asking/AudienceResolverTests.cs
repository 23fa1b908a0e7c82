using Deliberation.Civic.Audiences;
using Deliberation.Civic.Data;
using Deliberation.Engine.Runtime;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Asking;

/// <summary><see cref="AudienceResolver"/> on a real database: who each kind of audience is, each person once, and what it refuses.</summary>
[Trait("Category", "Deliberation")]
public sealed class AudienceResolverTests(AudienceResolverTests.World fixture) : IClassFixture<AudienceResolverTests.World>
{
    /// <summary>One host and one <see cref="AskWorld"/> for every test: resolving only reads.</summary>
    public sealed class World : IAsyncLifetime
    {
        public HostFactory Host { get; } = new();

        public AskWorld Seeded { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            using var client = Host.CreateClient(); // starts the host: migrations
            Seeded = await AskWorld.SeedAsync(Host.Services.GetRequiredService<DeliberationDatabase>(), Host.Time.GetUtcNow(), Guid.NewGuid().ToString("N")[..8]);
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private readonly HostFactory _host = fixture.Host;
    private readonly AskWorld _world = fixture.Seeded;

    private async Task<IReadOnlyList<AudienceMember>> ResolveAsync(string kind, string targets, bool onePerHousehold = true)
    {
        await using var db = _host.Services.GetRequiredService<ICivicDatabase>().Open();
        return await AudienceResolver.ResolveAsync(db, _world.Community, AudienceSpec.Parse(kind, System.Text.Json.Nodes.JsonValue.Create(targets), onePerHousehold, "ask"),
            "ask", CancellationToken.None);
    }

    private async Task<string[]> NamesAsync(string kind, string targets, bool onePerHousehold = true) =>
        [.. (await ResolveAsync(kind, targets, onePerHousehold)).Select(m => m.Name)];

    private async Task<string> RefusalAsync(string kind, string targets) =>
        (await Assert.ThrowsAsync<ActivityFaultException>(() => ResolveAsync(kind, targets))).Error.Code;

    [Fact]
    public async Task ResolveAsync_BuildingGroupOnePerHousehold_EachHouseholdsRepresentativeByUnit()
    {
        var members = await ResolveAsync(AudienceKinds.BuildingGroup, _world.Building5.ToString());

        Assert.Equal(["张一", "王楼长", "李奶奶"], members.Select(m => m.Name));
        Assert.Equal([_world.Emails["张一"], _world.Emails["王楼长"], null], members.Select(m => m.Email));
        Assert.All(members, m => Assert.Equal(_world.Building5, m.BuildingGroupId));
    }

    [Fact]
    public async Task ResolveAsync_BuildingGroupsEveryone_TheWholeRosterOfEachInTheOrderGiven() =>
        Assert.Equal(["孙楼长", "赵六", "张一", "王楼长", "李奶奶", "李爷爷"],
            await NamesAsync(AudienceKinds.BuildingGroup, $"{_world.Building6}\n{_world.Building5}", onePerHousehold: false));

    [Fact]
    public async Task ResolveAsync_Panel_MembersStillOnIt()
    {
        var members = await ResolveAsync(AudienceKinds.Panel, _world.Case.ToString());

        Assert.Equal(["张一", "刘经理"], members.Select(m => m.Name));
    }

    [Fact]
    public async Task ResolveAsync_NamedPeople_EachOnceInTheOrderGiven() =>
        Assert.Equal(["王楼长", "张一"], await NamesAsync(AudienceKinds.People, $"{_world.People["王楼长"]}, {_world.People["张一"]}, {_world.People["王楼长"]}"));

    [Fact]
    public async Task ResolveAsync_Organisations_TheirContactsOnTheRoster() =>
        Assert.Equal(["刘经理"], await NamesAsync(AudienceKinds.Organisations, _world.PropertyCompany.ToString()));

    [Fact]
    public async Task ResolveAsync_Role_EveryHolderInTheCommunity_InvalidEmailAsNone()
    {
        var members = await ResolveAsync(AudienceKinds.Role, "楼长");

        Assert.Equal(["孙楼长", "王楼长"], members.Select(m => m.Name));
        Assert.Null(members[0].Email);
    }

    [Fact]
    public async Task ResolveAsync_AnotherCommunitysPersonOrBuilding_IsRefusedNotSkipped()
    {
        Assert.Equal("audience-not-in-community", await RefusalAsync(AudienceKinds.People, $"{_world.People["张一"]},{_world.People["外社区"]}"));
        Assert.Equal("audience-not-in-community", await RefusalAsync(AudienceKinds.BuildingGroup, _world.OtherBuilding.ToString()));
        Assert.Equal("audience-not-in-community", await RefusalAsync(AudienceKinds.Panel, Guid.NewGuid().ToString()));
        Assert.Equal("audience-not-in-community", await RefusalAsync(AudienceKinds.Organisations, Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task ResolveAsync_BuildingWithNobody_IsRefusedAsEmpty()
    {
        var fault = await Assert.ThrowsAsync<ActivityFaultException>(() => ResolveAsync(AudienceKinds.BuildingGroup, _world.Building7.ToString()));

        Assert.Equal("audience-empty", fault.Error.Code);
        Assert.Contains("没有找到任何对象", fault.Error.Format(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_RoleNobodyHolds_IsRefusedAsEmpty() =>
        Assert.Equal("audience-empty", await RefusalAsync(AudienceKinds.Role, "律师"));
}
