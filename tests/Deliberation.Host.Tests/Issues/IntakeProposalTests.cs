using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Issues;

/// <summary>
/// Issue 14, acceptance 3: intake proposes the workflow that the community's catalogue names for a complaint's kind, and
/// launching it brings the advisors the kind requires onto the case's panel, from the people of the roster with the role.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class IntakeProposalTests(HostFactory host) : IClassFixture<HostFactory>
{
    /// <summary>
    /// A legal-advice process as staff would build it: it receives the complaint as its input, opens the case through
    /// 确定利益相关方 (parties only: the advisors and the parties speak) and waits for the meeting.
    /// </summary>
    private static string LegalAdvice(string id) => $$$"""
        {
          "id": "{{{id}}}",
          "displayName": { "zh-CN": "法律咨询议事", "en": "Legal advice deliberation" },
          "inputs": [
            { "name": "complaintId", "type": "text", "required": true },
            { "name": "caseNumber", "type": "text" }
          ],
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "identify", "type": "IdentifyStakeholders", "inputs": {
                "complaintId": { "type": "scriban", "value": "{{ input.complaintId }}" },
                "stakeholderMode": { "type": "literal", "value": "parties" } } },
            { "id": "meeting", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "meeting-planned" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "identify" },
            { "source": "identify", "sourcePort": "Seated", "target": "meeting" },
            { "source": "identify", "sourcePort": "Elect", "target": "meeting" },
            { "source": "meeting", "sourcePort": "Received", "target": "end" }
          ]
        }
        """;

    private sealed record World(ComplaintWorld Complaints, HttpClient Staff, string Workflow)
    {
        public string Api => $"/api/communities/{Complaints.CommunityId}";
    }

    /// <summary>
    /// A community whose catalogue has 法律纠纷 (legal-dispute): the legal-advice workflow, a lawyer and an accountant, and
    /// consensus; the roster has the given advisors.
    /// </summary>
    private async Task<(World World, Dictionary<string, Guid> Advisors)> CreateAsync(params (string Name, PersonRoles Role)[] advisors)
    {
        var admin = host.CreateClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var workflow = "legal-advice-" + run;
        var saved = await admin.PutAsync($"/api/workflows/{workflow}", new StringContent(LegalAdvice(workflow), Encoding.UTF8, "application/json"));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workflows/{workflow}/versions/1/publish", null)).StatusCode);
        var complaints = await ComplaintWorld.CreateAsync(admin, "p" + run);
        var (staff, _) = await ComplaintWorld.AccountAsync(host, admin, "CommitteeStaff", complaints.CommunityId);
        var world = new World(complaints, staff, workflow);

        var people = new Dictionary<string, Guid>();
        await using (var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext(tracking: true))
        {
            foreach (var (name, role) in advisors)
            {
                var person = new Person { Id = Guid.NewGuid(), CommunityId = Guid.Parse(complaints.CommunityId), Name = name, Roles = role, CreatedAt = host.Time.GetUtcNow() };
                db.People.Add(person);
                people[name] = person.Id;
            }
            await db.SaveChangesAsync();
        }

        var catalogue = (await staff.GetFromJsonAsync<JsonObject>($"{world.Api}/catalogue"))!["matters"]!.AsArray();
        var matters = catalogue.Select(m => m!.DeepClone()).Append(new JsonObject
        {
            ["code"] = "legal-dispute", ["zh"] = "法律纠纷", ["en"] = "Legal disputes", ["definitionId"] = workflow,
            ["advisors"] = new JsonArray("lawyer", "accountant"), ["rulesTemplate"] = "consensus",
        }).ToArray();
        var put = await staff.PutAsJsonAsync($"{world.Api}/catalogue", new JsonObject { ["matters"] = new JsonArray(matters) });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        return (world, people);
    }

    [Fact]
    public async Task Launch_ComplaintOfAKindTheCatalogueNames_ProposesItsWorkflowAndSeatsTheRequiredAdvisorsOnThePanel()
    {
        var (world, people) = await CreateAsync(("周律师", PersonRoles.Lawyer), ("安律师", PersonRoles.Lawyer), ("吴会计", PersonRoles.Accountant | PersonRoles.Resident));
        var complaintId = await world.Complaints.LogAsync(world.Staff,
            world.Complaints.Draft("物业擅自占用公共车位收费", 4, 3, 9, buildings: ["1栋"], category: "legal-dispute"));

        var proposal = (await world.Staff.GetFromJsonAsync<JsonObject>($"{world.Complaints.Complaints}/{complaintId}/launch-proposal"))!;

        Assert.Equal((world.Workflow, true, "consensus"), ((string)proposal["definitionId"]!, (bool)proposal["fromCatalogue"]!, (string)proposal["rulesTemplate"]!));
        Assert.Equal("法律纠纷", (string)proposal["matter"]!["zh"]!);
        var advisors = proposal["advisors"]!.AsArray();
        Assert.Equal(["lawyer|律师|周律师,安律师", "accountant|会计师|吴会计"], advisors.Select(a =>
            $"{a!["kind"]}|{a["kindName"]}|{string.Join(",", a["candidates"]!.AsArray().Select(c => (string)c!["name"]!))}"));
        Assert.Equal(people["周律师"].ToString(), (string)advisors[0]!["proposedPersonId"]!);

        // Staff keep the proposed workflow (no definitionId, no inputs written by hand) and choose the other lawyer.
        var launched = await world.Staff.PostAsJsonAsync($"{world.Complaints.Complaints}/{complaintId}/anchor", new
        {
            advisors = new[] { new { kind = "lawyer", personId = people["安律师"] } },
        });

        Assert.True(launched.StatusCode == HttpStatusCode.OK, await launched.Content.ReadAsStringAsync());
        var anchored = (await launched.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(world.Workflow, (string)anchored["instance"]!["definitionId"]!);
        Assert.Empty(anchored["missingAdvisors"]!.AsArray());
        Assert.Equal(["lawyer|安律师", "accountant|吴会计"], anchored["advisors"]!.AsArray().Select(a => $"{a!["kind"]}|{a["name"]}"));
        var caseId = (string)anchored["caseId"]!;

        var panel = (await world.Staff.GetFromJsonAsync<JsonObject>($"{world.Api}/cases/{caseId}/panel"))!["members"]!.AsArray();
        Assert.Equal(["advisor|accountant|吴会计|false", "advisor|lawyer|安律师|false"],
            panel.Select(m => $"{m!["role"]}|{m["partyKind"]}|{m["name"]}|{m["votes"]}").Order(StringComparer.Ordinal));
        var rules = (await world.Staff.GetFromJsonAsync<JsonObject>($"{world.Api}/cases/{caseId}/rules"))!;
        Assert.Equal(("consensus", "consensus"), ((string)rules["template"]!, (string)rules["rule"]!));

        // The workflow received the complaint as its input and found the case the launch opened.
        var instance = (await world.Staff.GetFromJsonAsync<JsonObject>($"/api/instances/{(string)anchored["instance"]!["instanceId"]!}"))!;
        Assert.Equal(complaintId, (string)instance["inputs"]!["identify"]!["complaintId"]!);
        Assert.Equal(caseId, (string)instance["outputs"]!["identify"]!["caseId"]!);
        Assert.Equal("meeting", (string)instance["waiting"]![0]!["activityId"]!);
        Assert.Single((await world.Staff.GetFromJsonAsync<JsonArray>($"{world.Api}/cases?complaintId={complaintId}"))!);
    }

    [Fact]
    public async Task Launch_NoLawyerOnTheRoster_WarnsStaffOfTheMissingAdvisorAndSeatsTheOthers()
    {
        var (world, people) = await CreateAsync(("吴会计", PersonRoles.Accountant));
        var complaintId = await world.Complaints.LogAsync(world.Staff,
            world.Complaints.Draft("开发商承诺的车位未交付", 4, 4, 6, buildings: ["2栋"], category: "legal-dispute"));

        var proposal = (await world.Staff.GetFromJsonAsync<JsonObject>($"{world.Complaints.Complaints}/{complaintId}/launch-proposal"))!;
        var launched = await world.Staff.PostAsJsonAsync($"{world.Complaints.Complaints}/{complaintId}/anchor", new { });

        var lawyer = proposal["advisors"]![0]!;
        Assert.Equal("lawyer", (string)lawyer["kind"]!);
        Assert.Empty(lawyer["candidates"]!.AsArray());
        Assert.Null(lawyer["proposedPersonId"]);
        Assert.True(launched.StatusCode == HttpStatusCode.OK, await launched.Content.ReadAsStringAsync());
        var anchored = (await launched.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["lawyer"], anchored["missingAdvisors"]!.AsArray().Select(k => (string)k!));
        var member = Assert.Single((await world.Staff.GetFromJsonAsync<JsonObject>($"{world.Api}/cases/{(string)anchored["caseId"]!}/panel"))!["members"]!.AsArray())!;
        Assert.Equal((people["吴会计"].ToString(), "accountant"), ((string)member["personId"]!, (string)member["partyKind"]!));
    }

    [Fact]
    public async Task Launch_KindWithoutAdvisorsOrWorkflow_StartsTheDefaultWorkflowAndOpensNoCase()
    {
        var (world, _) = await CreateAsync(("周律师", PersonRoles.Lawyer));
        var complaintId = await world.Complaints.LogAsync(world.Staff, world.Complaints.Draft("楼道堆物", 2, 2, 3, buildings: ["1栋"], category: "sanitation"));

        var proposal = (await world.Staff.GetFromJsonAsync<JsonObject>($"{world.Complaints.Complaints}/{complaintId}/launch-proposal"))!;

        Assert.Equal(("fanshi-youjiqing", false), ((string)proposal["definitionId"]!, (bool)proposal["fromCatalogue"]!));
        Assert.Empty(proposal["advisors"]!.AsArray());
    }

    [Fact]
    public async Task Launch_AdvisorChoiceOfSomeoneWithoutTheRoleOrAnUnknownKind_IsRefusedAtTheFieldAndLaunchesNothing()
    {
        var (world, people) = await CreateAsync(("周律师", PersonRoles.Lawyer), ("吴会计", PersonRoles.Accountant));
        var complaintId = await world.Complaints.LogAsync(world.Staff,
            world.Complaints.Draft("物业费上涨未公示", 3, 3, 5, buildings: ["1栋"], category: "legal-dispute"));

        var refused = await world.Staff.PostAsJsonAsync($"{world.Complaints.Complaints}/{complaintId}/anchor", new
        {
            advisors = new object[] { new { kind = "lawyer", personId = people["吴会计"] }, new { kind = "notary", personId = people["周律师"] } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("launch-advisor-not-qualified", (string)problem["errorCodes"]!["advisors[0].personId"]![0]!);
        Assert.Equal("launch-advisor-kind", (string)problem["errorCodes"]!["advisors[1].kind"]![0]!);
        Assert.Equal("open", (string)(await world.Complaints.GetAsync(world.Staff, complaintId))["complaint"]!["status"]!);
        Assert.Empty((await world.Staff.GetFromJsonAsync<JsonArray>($"{world.Api}/cases?complaintId={complaintId}"))!);
    }
}
