using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Issues;
using Deliberation.Persistence;

namespace Deliberation.Host.Tests.Implementation;

/// <summary>
/// A case ready for step 5, written directly (steps 1–4 are tested elsewhere): 大龙社区 with escalation contact 街道办,
/// 5栋 with its building head 王楼长 and the representative 张一 on the panel, the property manager 刘经理 and the owners'
/// committee's 陈主任 to report on action items, and the anchored complaint the case came from.
/// </summary>
public sealed record ImplementationWorld(Guid Community, Guid Case, Guid Complaint, string CaseNumber, Dictionary<string, Guid> People, Dictionary<string, string> Emails,
    string StreetOffice)
{
    public string Api => $"/api/communities/{Community}";

    public static async Task<ImplementationWorld> SeedAsync(DeliberationDatabase database, DateTimeOffset now, string run)
    {
        var streetOffice = $"jiedao-{run}@test.local";
        var community = new Community { Id = Guid.NewGuid(), Code = "i" + run, Name = "大龙社区", EscalationEmails = streetOffice, CreatedAt = now };
        var precinct = new Precinct { Id = Guid.NewGuid(), CommunityId = community.Id, Name = "东苑" };
        var b5 = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = community.Id, PrecinctId = precinct.Id, Name = "5栋" };
        var people = new Dictionary<string, Guid>();
        var emails = new Dictionary<string, string>();
        await using var db = database.CreateContext();
        db.Communities.Add(community);
        db.Precincts.Add(precinct);
        db.BuildingGroups.Add(b5);
        var order = 0;
        Person Add(string name, string? emailName, PersonRoles roles, Guid? building, Guid? household)
        {
            var email = emailName is null ? null : $"{emailName}-{run}@test.local";
            var person = new Person
            {
                Id = Guid.NewGuid(), CommunityId = community.Id, HouseholdId = household, BuildingGroupId = building, Name = name, Email = email, Roles = roles,
                IsHouseholdRepresentative = household is not null, Phone = "13800001111", CreatedAt = now.AddSeconds(order++),
            };
            db.People.Add(person);
            people[name] = person.Id;
            if (email is not null) emails[name] = email;
            return person;
        }
        var h501 = new Household { Id = Guid.NewGuid(), CommunityId = community.Id, BuildingGroupId = b5.Id, Unit = "501", FloorArea = 80m };
        var h502 = new Household { Id = Guid.NewGuid(), CommunityId = community.Id, BuildingGroupId = b5.Id, Unit = "502", FloorArea = 80m };
        db.Households.AddRange(h501, h502);
        Add("张一", "zhang1", PersonRoles.Resident, b5.Id, h501.Id);
        Add("王楼长", "wang", PersonRoles.Resident | PersonRoles.BuildingHead, b5.Id, h502.Id);
        Add("刘经理", "liu", PersonRoles.PropertyCompany, null, null);
        Add("陈主任", "chen", PersonRoles.OwnersCommittee, null, null);
        var caseNumber = $"I{run.ToUpperInvariant()}-2026-001";
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), CommunityId = community.Id, CategoryCode = "lift", Title = "5栋电梯经常停运", Description = "每周停运两三次",
            Severity = 4, Urgency = 4, ReporterCount = 8, LoggedByUserId = Guid.NewGuid(), LoggedAt = now, Status = ComplaintStatus.Anchored, CaseNumber = caseNumber,
        };
        db.Complaints.Add(complaint);
        db.ComplaintScopes.Add(new ComplaintScope { ComplaintId = complaint.Id, BuildingGroupId = b5.Id });
        var deliberationCase = new DeliberationCase
        {
            Id = Guid.NewGuid(), CommunityId = community.Id, ComplaintId = complaint.Id, CaseNumber = caseNumber, Title = "5栋电梯经常停运", CreatedAt = now,
        };
        db.Cases.Add(deliberationCase);
        db.PanelMembers.Add(new PanelMember
        {
            Id = Guid.NewGuid(), CaseId = deliberationCase.Id, CommunityId = community.Id, PersonId = people["张一"], Role = PanelRoles.Representative,
            Votes = true, Source = PanelSources.Staff, JoinedAt = now,
        });
        await db.SaveChangesAsync();
        return new ImplementationWorld(community.Id, deliberationCase.Id, complaint.Id, caseNumber, people, emails, streetOffice);
    }
}
