using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Organisations;
using Deliberation.Persistence;

namespace Deliberation.Host.Tests.Asking;

/// <summary>
/// A community for asking and notifying, written directly: 5栋 with 张一 (501, email), 王楼长 (502, its building head, whose
/// roster email is the one <see cref="TestAccounts.BuildingHeadAsync"/> signs in with), 李奶奶 (503, no email) and 李爷爷 (503,
/// not the household's representative, no email); 6栋 with 赵六 (601) and its head 孙楼长 who lives elsewhere (invalid email);
/// 7栋 with nobody; a case whose panel has 张一 and 刘经理 (and 钱某, who left); the property company with 刘经理 linked to the
/// roster and a front desk that is not; and another community with 外社区.
/// </summary>
public sealed record AskWorld(Guid Community, Guid OtherCommunity, Guid Building5, Guid Building6, Guid Building7, Guid OtherBuilding, Guid Case,
    Guid PropertyCompany, Dictionary<string, Guid> People, Dictionary<string, string> Emails)
{
    public static async Task<AskWorld> SeedAsync(DeliberationDatabase database, DateTimeOffset now, string run)
    {
        var community = new Community { Id = Guid.NewGuid(), Code = "a" + run, Name = "大龙社区", CreatedAt = now };
        var other = new Community { Id = Guid.NewGuid(), Code = "b" + run, Name = "别的社区", CreatedAt = now };
        var precinct = new Precinct { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "东苑" };
        var otherPrecinct = new Precinct { Id = Guid.NewGuid(), CommunityId = other.Id, Name = "北苑" };
        BuildingGroup Building(Community c, Precinct p, string name) => new() { Id = Guid.NewGuid(), CommunityId = c.Id, PrecinctId = p.Id, Name = name };
        var b5 = Building(community, precinct, "5栋");
        var b6 = Building(community, precinct, "6栋");
        var b7 = Building(community, precinct, "7栋");
        var otherBuilding = Building(other, otherPrecinct, "1栋");
        Household Home(BuildingGroup b, string unit) => new() { Id = Guid.NewGuid(), CommunityId = b.CommunityId, BuildingGroupId = b.Id, Unit = unit, FloorArea = 80m };
        var h501 = Home(b5, "501");
        var h502 = Home(b5, "502");
        var h503 = Home(b5, "503");
        var h601 = Home(b6, "601");
        var h101 = Home(otherBuilding, "101");

        var people = new Dictionary<string, Guid>();
        var emails = new Dictionary<string, string>();
        await using var db = database.CreateContext();
        db.Communities.AddRange(community, other);
        db.Precincts.AddRange(precinct, otherPrecinct);
        db.BuildingGroups.AddRange(b5, b6, b7, otherBuilding);
        db.Households.AddRange(h501, h502, h503, h601, h101);
        var order = 0;
        void Add(string name, string? email, PersonRoles roles, BuildingGroup? building, Household? household, bool representative = true, Community? of = null)
        {
            var person = new Person
            {
                Id = Guid.NewGuid(), CommunityId = (of ?? community).Id, HouseholdId = household?.Id, BuildingGroupId = building?.Id, Name = name, Email = email,
                Roles = roles, IsHouseholdRepresentative = household is not null && representative, CreatedAt = now.AddSeconds(order++),
            };
            db.People.Add(person);
            people[name] = person.Id;
            if (email is not null) emails[name] = email;
        }
        Add("张一", $"zhang1-{run}@test.local", PersonRoles.Resident, b5, h501);
        Add("王楼长", $"head-{run}@test.local", PersonRoles.Resident | PersonRoles.BuildingHead, b5, h502);
        Add("李奶奶", null, PersonRoles.Resident, b5, h503);
        Add("李爷爷", null, PersonRoles.Resident, b5, h503, representative: false);
        Add("赵六", $"zhao6-{run}@test.local", PersonRoles.Resident, b6, h601);
        Add("孙楼长", "not-an-address", PersonRoles.BuildingHead, b6, null);
        Add("刘经理", $"liu-{run}@test.local", PersonRoles.PropertyCompany, null, null);
        Add("钱某", $"qian-{run}@test.local", PersonRoles.Resident, null, null);
        Add("外社区", $"outside-{run}@test.local", PersonRoles.Resident, otherBuilding, h101, of: other);

        var deliberationCase = new DeliberationCase { Id = Guid.NewGuid(), CommunityId = community.Id, CaseNumber = $"A{run.ToUpperInvariant()}-2026-001", Title = "5栋电梯", CreatedAt = now };
        db.Cases.Add(deliberationCase);
        PanelMember Member(string name, string role, int minutes) => new()
        {
            Id = Guid.NewGuid(), CaseId = deliberationCase.Id, CommunityId = community.Id, PersonId = people[name], Role = role, Votes = true,
            Source = PanelSources.Staff, JoinedAt = now.AddMinutes(minutes),
        };
        var left = Member("钱某", PanelRoles.Representative, 0);
        left.LeftAt = now.AddMinutes(5);
        db.PanelMembers.AddRange(Member("张一", PanelRoles.Representative, 1), Member("刘经理", PanelRoles.Party, 2), left);

        var company = new Organisation { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "园林物业公司", Kind = PartyKinds.PropertyCompany, CreatedAt = now, UpdatedAt = now };
        db.Organisations.Add(company);
        db.OrganisationContacts.AddRange(
            new OrganisationContact { Id = Guid.NewGuid(), OrganisationId = company.Id, Position = 0, Name = "前台", Phone = "075500000000" },
            new OrganisationContact { Id = Guid.NewGuid(), OrganisationId = company.Id, Position = 1, Name = "刘经理", PersonId = people["刘经理"], IsRepresentative = true });
        await db.SaveChangesAsync();
        return new AskWorld(community.Id, other.Id, b5.Id, b6.Id, b7.Id, otherBuilding.Id, deliberationCase.Id, company.Id, people, emails);
    }
}
