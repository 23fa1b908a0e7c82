using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Issues;
using Deliberation.Host.Tests.Security;
using Deliberation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Host.Tests.Needs;

/// <summary>The community's needs list (需求清单) through the staff API: entering, filtering, changing, closing; refusals change nothing.</summary>
[Trait("Category", "Deliberation")]
public sealed class NeedsApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task CreateListUpdateClose_KeepsTheNeed_FiltersByStatusAndKind_AndAClosedNeedNoLongerChanges()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var api = $"/api/communities/{world.A}";
        var requester = world.Of[world.A].Person;
        var due = host.Time.GetUtcNow().AddMinutes(30);

        var created = await world.StaffA.PostAsJsonAsync($"{api}/needs", new
        {
            title = "  3栋楼道灯不亮 ", description = "1–6层", kind = "urgent", requesterPersonId = requester, dueAt = due,
        });
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await world.StaffA.PostAsJsonAsync($"{api}/needs", new { title = "小区增设充电桩", kind = "long-term" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var need = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)need["id"]!;
        Assert.Equal($"{api}/needs/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("3栋楼道灯不亮", "urgent", "急需解决", "request", "open", false), ((string)need["title"]!, (string)need["kind"]!, (string)need["kindName"]!,
            (string)need["source"]!, (string)need["status"]!, (bool)need["overdue"]!));
        Assert.Equal(requester.ToString(), (string)need["requesterPersonId"]!);
        Assert.Equal(["小区增设充电桩", "3栋楼道灯不亮"], await TitlesAsync(world.StaffA, $"{api}/needs"));
        Assert.Equal(["3栋楼道灯不亮"], await TitlesAsync(world.StaffA, $"{api}/needs?kind=urgent&status=open"));
        Assert.Empty(await TitlesAsync(world.StaffA, $"{api}/needs?overdue=true"));

        var updated = await world.StaffA.PutAsJsonAsync($"{api}/needs/{id}", new { title = "3栋楼道灯全部更换", kind = "long-term", dueAt = due });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var got = (await world.StaffA.GetFromJsonAsync<JsonObject>($"{api}/needs/{id}"))!;
        Assert.Equal(("3栋楼道灯全部更换", "long-term"), ((string)got["title"]!, (string)got["kind"]!));
        Assert.Null(got["requesterPersonId"]);
        host.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(["3栋楼道灯全部更换"], await TitlesAsync(world.StaffA, $"{api}/needs?overdue=true"));

        var closed = await world.StaffA.PostAsync($"{api}/needs/{id}/close", null);
        var again = await world.StaffA.PutAsJsonAsync($"{api}/needs/{id}", new { title = "改名", kind = "urgent" });
        var closeAgain = await world.StaffA.PostAsync($"{api}/needs/{id}/close", null);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (string)(await closed.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("need-ended", await CodeAsync(again));
        Assert.Equal(HttpStatusCode.Conflict, closeAgain.StatusCode);
        Assert.Equal("3栋楼道灯全部更换", (string)(await world.StaffA.GetFromJsonAsync<JsonObject>($"{api}/needs/{id}"))!["title"]!);
        Assert.Empty(await TitlesAsync(world.StaffA, $"{api}/needs?overdue=true"));
    }

    [Fact]
    public async Task Create_WithInvalidFields_AnswersEachFieldsCodeInTheCallersLanguage_AndAddsNothing()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var api = $"/api/communities/{world.A}";
        var invalid = new { title = " ", description = "说明\u202E", kind = "soon", requesterPersonId = world.Of[world.B].Person, dueAt = host.Time.GetUtcNow().AddMinutes(-1) };

        var chinese = await SendAsync(world.StaffA, $"{api}/needs", invalid, "zh-CN");
        var english = await SendAsync(world.StaffA, $"{api}/needs", invalid, "en");
        var badFilter = await world.StaffA.GetAsync($"{api}/needs?status=lost");
        var notDone = await world.StaffA.PostAsJsonAsync($"{api}/needs/{Guid.NewGuid()}/confirm", new { satisfied = true });

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var problem = (await chinese.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bad-request", (string)problem["code"]!);
        var codes = problem["errorCodes"]!.AsObject();
        Assert.Equal(["description", "dueAt", "kind", "requesterPersonId", "title"], codes.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("need-kind", "need-due-in-past", "person-unknown"), ((string)codes["kind"]![0]!, (string)codes["dueAt"]![0]!, (string)codes["requesterPersonId"]![0]!));
        Assert.Equal("完成期限已过，请填写以后的时间。", (string)problem["errors"]!["dueAt"]![0]!);
        Assert.Equal("The due date has passed; give a later one.", (string)(await english.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["dueAt"]![0]!);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal("need-status", (string)(await badFilter.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["status"]![0]!);
        Assert.Equal(HttpStatusCode.NotFound, notDone.StatusCode);
        Assert.Empty(await TitlesAsync(world.StaffA, $"{api}/needs"));
    }

    [Fact]
    public async Task CreateFromComplaint_TakesItsTitleAndReporter_OncePerComplaint_AndOnlyInItsCommunity()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var api = $"/api/communities/{world.A}";
        var complaint = await ComplaintAsync(world.A, world.Of[world.A].Person);

        var created = await world.StaffA.PostAsJsonAsync($"{api}/needs/from-complaint", new { complaintId = complaint, kind = "urgent" });
        var twice = await world.StaffA.PostAsJsonAsync($"{api}/needs/from-complaint", new { complaintId = complaint, kind = "urgent" });
        var elsewhere = await world.StaffB.PostAsJsonAsync($"/api/communities/{world.B}/needs/from-complaint", new { complaintId = complaint, kind = "urgent" });

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var need = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("5栋电梯经常停运", "每周停运两三次", "complaint", complaint.ToString(), "5栋电梯经常停运", world.Of[world.A].Person.ToString()),
            ((string)need["title"]!, (string)need["description"]!, (string)need["source"]!, (string)need["complaintId"]!, (string)need["complaintTitle"]!,
                (string)need["requesterPersonId"]!));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("need-complaint-used", (string)(await twice.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["complaintId"]![0]!);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("complaint-not-found", await CodeAsync(elsewhere));
        Assert.Single(await TitlesAsync(world.StaffA, $"{api}/needs"));
        Assert.Empty(await TitlesAsync(world.StaffB, $"/api/communities/{world.B}/needs"));
    }

    [Fact]
    public async Task AnotherCommunitysStaff_CannotReadChangeOrCloseTheNeed()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var created = await world.StaffA.PostAsJsonAsync($"/api/communities/{world.A}/needs", new { title = "修补围墙", kind = "urgent" });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var before = await world.StaffA.GetStringAsync($"/api/communities/{world.A}/needs/{id}");

        var throughTheirs = await world.StaffB.GetAsync($"/api/communities/{world.B}/needs/{id}");
        var changeThroughTheirs = await world.StaffB.PutAsJsonAsync($"/api/communities/{world.B}/needs/{id}", new { title = "改", kind = "urgent" });
        var closeThroughTheirs = await world.StaffB.PostAsync($"/api/communities/{world.B}/needs/{id}/close", null);
        var throughOurs = await world.StaffB.GetAsync($"/api/communities/{world.A}/needs");
        var closeThroughOurs = await world.StaffB.PostAsync($"/api/communities/{world.A}/needs/{id}/close", null);
        var buildingHead = await world.HeadA.GetAsync($"/api/communities/{world.A}/needs");

        Assert.Equal(HttpStatusCode.NotFound, throughTheirs.StatusCode);
        Assert.Equal("need-not-found", await CodeAsync(throughTheirs));
        Assert.Equal(HttpStatusCode.NotFound, changeThroughTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, closeThroughTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughOurs.StatusCode);
        Assert.Equal("community-not-found", await CodeAsync(throughOurs));
        Assert.Equal(HttpStatusCode.NotFound, closeThroughOurs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, buildingHead.StatusCode);
        Assert.Equal(before, await world.StaffA.GetStringAsync($"/api/communities/{world.A}/needs/{id}"));
        Assert.Empty(await TitlesAsync(world.StaffB, $"/api/communities/{world.B}/needs"));
    }

    private async Task<Guid> ComplaintAsync(Guid community, Guid reporter)
    {
        var now = host.Time.GetUtcNow();
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), CommunityId = community, CategoryCode = "lift", Title = "5栋电梯经常停运", Description = "每周停运两三次",
            Severity = 4, Urgency = 4, ReporterCount = 3, LoggedByUserId = Guid.NewGuid(), LoggedAt = now,
        };
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        db.Complaints.Add(complaint);
        db.ComplaintReporters.Add(new ComplaintReporter { ComplaintId = complaint.Id, PersonId = reporter });
        await db.SaveChangesAsync();
        return complaint.Id;
    }

    private static async Task<List<string>> TitlesAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonArray>(path))!.Select(n => (string)n!["title"]!).ToList();

    private static async Task<string> CodeAsync(HttpResponseMessage response) => (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }
}
