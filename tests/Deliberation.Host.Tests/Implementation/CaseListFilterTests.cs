using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Issues;
using Deliberation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Implementation;

/// <summary>The case list and the ledger filtered by building, kind of matter and overdue action items.</summary>
[Trait("Category", "Deliberation")]
public sealed class CaseListFilterTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _staff = host.CreateClient();

    [Fact]
    public async Task CaseList_FiltersByBuildingMatterAndOverdue_AndTheLedgerFollows()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var world = await ImplementationWorld.SeedAsync(host.Services.GetRequiredService<DeliberationDatabase>(), host.Time.GetUtcNow(), run);
        var other = await OtherCaseAsync(world, "6栋门禁损坏", "security");
        var item = await _staff.PostAsJsonAsync($"{world.Api}/cases/{world.Case}/action-items", new
        {
            title = "更换电梯主板", responsibleParty = "物业公司", personId = world.People["刘经理"], dueAt = host.Time.GetUtcNow().AddDays(1),
        });
        Assert.True(item.StatusCode == HttpStatusCode.Created, await item.Content.ReadAsStringAsync());

        Assert.Equal([world.CaseNumber], await NumbersAsync(world, "matter=lift"));
        Assert.Equal([other], await NumbersAsync(world, "matter=security"));
        Assert.Equal([world.CaseNumber], await NumbersAsync(world, $"buildingGroupId={await BuildingAsync(world, "5栋")}"));
        Assert.Empty(await NumbersAsync(world, "overdue=true"));

        host.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal([world.CaseNumber], await NumbersAsync(world, "overdue=true"));
        Assert.Empty(await NumbersAsync(world, "overdue=true&matter=security"));
        var ledger = await _staff.GetByteArrayAsync($"{world.Api}/case-ledger.xlsx?overdue=true");
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(ledger), false);
        var text = string.Join("\n", workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.InnerText));
        Assert.Contains(world.CaseNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other, text, StringComparison.Ordinal);

        // The month at a glance: two cases opened and open, one item overdue, nobody asked for the follow-up yet.
        var overview = (await _staff.GetFromJsonAsync<JsonObject>($"{world.Api}/overview"))!;
        Assert.Equal((2, 0, 2, 0, 1), ((int)overview["casesOpened"]!, (int)overview["casesClosed"]!, (int)overview["openNow"]!,
            (int)overview["itemsDone"]!, (int)overview["itemsOverdue"]!));
        var beijing = TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal($"{beijing.Year:D4}-{beijing.Month:D2}", (string)overview["month"]!);
        var lastYear = (await _staff.GetFromJsonAsync<JsonObject>($"{world.Api}/overview?month=2025-01"))!;
        Assert.Equal(0, (int)lastYear["casesOpened"]!);
        var bad = await _staff.GetAsync($"{world.Api}/overview?month=December");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("month", (string)(await bad.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["month"]![0]!);
    }

    [Fact]
    public async Task CaseList_FiltersByStep_ReadFromWhatEachCaseHasDone_AndShowsIt()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var world = await ImplementationWorld.SeedAsync(host.Services.GetRequiredService<DeliberationDatabase>(), host.Time.GetUtcNow(), run);
        var other = await OtherCaseAsync(world, "6栋门禁损坏", "security");
        var now = host.Time.GetUtcNow();

        // Nothing done yet but the notice: both at step 1.
        Assert.Equal([world.CaseNumber, other], (await NumbersAsync(world, "step=1")).Order(StringComparer.Ordinal));
        Assert.Equal(1, (int)(await ItemAsync(world))["step"]!);
        // Groups with an election under way: 2; once counted: 3; a meeting under way: 4; minutes filed: 5; closed: none.
        var meetingId = Guid.NewGuid();
        Guid electionId = Guid.NewGuid();
        await ChangeAsync(db =>
        {
            db.AffectedGroups.Add(new AffectedGroup { Id = Guid.NewGuid(), CaseId = world.Case, CommunityId = world.Community, Name = "5栋", CreatedAt = now });
            db.Elections.Add(new Election { Id = electionId, CommunityId = world.Community, CaseId = world.Case, GroupId = Guid.NewGuid(), CreatedAt = now });
        });
        await StepIsAsync(world, 2, other);
        await ChangeAsync(db => db.Elections.AsTracking().Single(e => e.Id == electionId).Status = ElectionStatuses.Counted);
        await StepIsAsync(world, 3, other);
        await ChangeAsync(db => db.Meetings.Add(new Deliberation.Civic.Meetings.Meeting
        {
            Id = meetingId, CommunityId = world.Community, CaseId = world.Case, Name = "协商会", Place = "活动室", Status = "scheduled",
            StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), CreatedAt = now,
        }));
        await StepIsAsync(world, 3, other);
        host.Time.Advance(TimeSpan.FromHours(1));
        await StepIsAsync(world, 4, other);
        await ChangeAsync(db => db.Minutes.Add(new Deliberation.Civic.Minutes.MinutesRecord
        {
            Id = Guid.NewGuid(), CommunityId = world.Community, CaseId = world.Case, MeetingId = meetingId, FiledAt = now,
        }));
        await StepIsAsync(world, 5, other);
        await ChangeAsync(db => db.Cases.AsTracking().Single(c => c.Id == world.Case).ClosedAt = now);
        for (var step = 1; step <= 5; step++) Assert.DoesNotContain(world.CaseNumber, await NumbersAsync(world, $"step={step}"));
        Assert.Null((int?)(await ItemAsync(world))["step"]);

        var bad = await _staff.GetAsync($"{world.Api}/case-list?step=6");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("step"));
    }

    /// <summary>The world's case is listed at <paramref name="step"/> only, the other case stays at step 1.</summary>
    private async Task StepIsAsync(ImplementationWorld world, int step, string other)
    {
        for (var n = 1; n <= 5; n++)
        {
            var numbers = await NumbersAsync(world, $"step={n}");
            Assert.True(n == step == numbers.Contains(world.CaseNumber), $"At step {step}, the list of step {n} holds: {string.Join(", ", numbers)}");
            Assert.True(n == 1 == numbers.Contains(other), $"The other case at step {n}: {string.Join(", ", numbers)}");
        }
        Assert.Equal(step, (int)(await ItemAsync(world))["step"]!);
    }

    private async Task<JsonNode> ItemAsync(ImplementationWorld world) =>
        (await _staff.GetFromJsonAsync<JsonObject>($"{world.Api}/case-list?q={world.CaseNumber}"))!["items"]!.AsArray().Single()!;

    private async Task ChangeAsync(Action<DeliberationDbContext> change)
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        change(db);
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> NumbersAsync(ImplementationWorld world, string query)
    {
        var page = (await _staff.GetFromJsonAsync<JsonObject>($"{world.Api}/case-list?{query}"))!;
        return page["items"]!.AsArray().Select(i => (string)i!["caseNumber"]!).ToList();
    }

    private async Task<Guid> BuildingAsync(ImplementationWorld world, string name) =>
        (Guid)(await _staff.GetFromJsonAsync<JsonArray>($"{world.Api}/building-groups"))!.Single(b => (string)b!["name"]! == name)!["id"]!;

    /// <summary>A second case of the community, about another building and another kind of matter.</summary>
    private async Task<string> OtherCaseAsync(ImplementationWorld world, string title, string category)
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        var now = host.Time.GetUtcNow();
        var precinct = db.Precincts.First(p => p.CommunityId == world.Community);
        var building = new BuildingGroup { Id = Guid.NewGuid(), CommunityId = world.Community, PrecinctId = precinct.Id, Name = "6栋" };
        var number = world.CaseNumber.Replace("-001", "-002", StringComparison.Ordinal);
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), CommunityId = world.Community, CategoryCode = category, Title = title, Severity = 3, Urgency = 3, ReporterCount = 2,
            LoggedByUserId = Guid.NewGuid(), LoggedAt = now, Status = ComplaintStatus.Anchored, CaseNumber = number,
        };
        db.BuildingGroups.Add(building);
        db.Complaints.Add(complaint);
        db.ComplaintScopes.Add(new ComplaintScope { ComplaintId = complaint.Id, BuildingGroupId = building.Id });
        db.Cases.Add(new DeliberationCase { Id = Guid.NewGuid(), CommunityId = world.Community, ComplaintId = complaint.Id, CaseNumber = number, Title = title, CreatedAt = now });
        await db.SaveChangesAsync();
        return number;
    }
}
