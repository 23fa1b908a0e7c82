using Deliberation.Civic.Communities;
using Deliberation.Civic.Issues;
using Deliberation.Persistence;

namespace Deliberation.Host.Tests.Responses;

/// <summary>
/// A community for the response ladder, written directly: 大龙社区 whose escalation contact is the street office's 王主任
/// (on the roster with that address), its lead 张书记, the grid worker 李网格 of 东苑 (5栋), 赵网格 of 西苑, and a complaint
/// about 5栋's stairwell light logged now; plus 孙某, a person of another community.
/// </summary>
public sealed record ResponseWorld(Guid Community, Guid Complaint, Dictionary<string, Guid> People, Dictionary<string, string> Emails, string StreetOffice,
    Guid Stranger)
{
    public string Api => $"/api/communities/{Community}";

    public static async Task<ResponseWorld> SeedAsync(DeliberationDatabase database, DateTimeOffset now, string run)
    {
        var streetOffice = $"jiedao-{run}@test.local";
        var community = new Community { Id = Guid.NewGuid(), Code = "r" + run, Name = "大龙社区", EscalationEmails = streetOffice, CreatedAt = now };
        var other = new Community { Id = Guid.NewGuid(), Code = "o" + run, Name = "文化路社区", CreatedAt = now };
        var east = new Precinct { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "东苑" };
        var west = new Precinct { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "西苑" };
        var b5 = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = east.Id, Name = "5栋" };
        var b2 = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = west.Id, Name = "2栋" };
        var people = new Dictionary<string, Guid>();
        var emails = new Dictionary<string, string>();
        await using var db = database.CreateContext();
        db.Communities.AddRange(community, other);
        db.Precincts.AddRange(east, west);
        db.BuildingGroups.AddRange(b5, b2);
        Person Add(string name, string? email, PersonRoles roles, Guid? building, Guid? communityId = null)
        {
            var person = new Person
            {
                Id = Guid.NewGuid(), CommunityId = communityId ?? community.Id, BuildingGroupId = building, Name = name, Email = email, Roles = roles, CreatedAt = now,
            };
            db.People.Add(person);
            people[name] = person.Id;
            if (email is not null) emails[name] = email;
            return person;
        }
        Add("李网格", $"li-{run}@test.local", PersonRoles.GridWorker, b5.Id);
        Add("赵网格", $"zhao-{run}@test.local", PersonRoles.GridWorker, b2.Id);
        Add("张书记", $"zhang-{run}@test.local", PersonRoles.CommunityLead, null);
        Add("王主任", streetOffice.ToUpperInvariant(), PersonRoles.None, null);
        var stranger = Add("孙某", $"sun-{run}@test.local", PersonRoles.GridWorker, null, other.Id);
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), CommunityId = community.Id, CategoryCode = "facility", Title = "5栋楼道灯不亮", Description = "三楼到六楼楼道灯都不亮，老人晚上上下楼不安全",
            Severity = 3, Urgency = 4, ReporterCount = 3, LoggedByUserId = Guid.NewGuid(), LoggedAt = now, Status = ComplaintStatus.Open,
        };
        db.Complaints.Add(complaint);
        db.ComplaintScopes.Add(new ComplaintScope { ComplaintId = complaint.Id, BuildingGroupId = b5.Id });
        await db.SaveChangesAsync();
        return new ResponseWorld(community.Id, complaint.Id, people, emails, streetOffice, stranger.Id);
    }
}
