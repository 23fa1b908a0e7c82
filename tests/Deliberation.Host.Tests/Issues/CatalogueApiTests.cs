using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Issues;
using Deliberation.Host.Tests.Security;

namespace Deliberation.Host.Tests.Issues;

/// <summary>Each community's deliberation matters catalogue (协商事项指导目录) through the staff API.</summary>
[Trait("Category", "Deliberation")]
public sealed class CatalogueApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static string Api(Guid community) => $"/api/communities/{community}/catalogue";

    private static JsonObject Matter(string code, string zh, string en, string? definitionId = null, string[]? advisors = null, string? rulesTemplate = null) => new()
    {
        ["code"] = code, ["zh"] = zh, ["en"] = en, ["definitionId"] = definitionId,
        ["advisors"] = new JsonArray((advisors ?? []).Select(a => (JsonNode)a).ToArray()), ["rulesTemplate"] = rulesTemplate,
    };

    private static JsonObject Catalogue(params JsonObject[] matters) => new() { ["matters"] = new JsonArray(matters) };

    /// <summary>Adds a building group (in a precinct of its own) and returns its id.</summary>
    private static async Task<string> BuildingAsync(TwoCommunities world, Guid community, string name)
    {
        Assert.Equal(HttpStatusCode.Created, (await world.Admin.PostAsJsonAsync($"/api/communities/{community}/precincts", new { name = "网格" + name })).StatusCode);
        var building = await world.Admin.PostAsJsonAsync($"/api/communities/{community}/building-groups", new { precinctName = "网格" + name, name });
        Assert.Equal(HttpStatusCode.Created, building.StatusCode);
        return (string)(await building.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<JsonArray> MattersAsync(HttpClient client, Guid community) =>
        (await client.GetFromJsonAsync<JsonObject>(Api(community)))!["matters"]!.AsArray();

    [Fact]
    public async Task Get_CommunityThatSavedNone_ReadsTheConfiguredCatalogueSoEveryExistingCodeStaysValid()
    {
        var world = await TwoCommunities.CreateAsync(host);

        var catalogue = (await world.HeadA.GetFromJsonAsync<JsonObject>(Api(world.A)))!;

        Assert.False((bool)catalogue["own"]!);
        var codes = catalogue["matters"]!.AsArray().Select(m => (string)m!["code"]!).ToList();
        Assert.Equal(MattersCatalogue.Default.Select(m => m.Code), codes);
        var fund = catalogue["matters"]!.AsArray().Single(m => (string)m!["code"]! == "maintenance-fund")!;
        Assert.Equal(["accountant"], fund["advisors"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(("co-owners-art278-items-6-8", "co-owners-art278"), ((string)fund["rulesTemplate"]!, (string)fund["decisionRule"]!));
    }

    [Fact]
    public async Task Put_ValidCatalogue_BecomesTheCommunitysOwnInItsOrder_AndComplaintsAreLoggedAgainstIt()
    {
        var world = await TwoCommunities.CreateAsync(host);

        var saved = await world.StaffA.PutAsJsonAsync(Api(world.A), Catalogue(
            Matter("  parking ", " 停车管理 ", "Parking"),
            Matter("fire-safety", "消防改造", "Fire-safety renovation", world.SharedWorkflow, ["accountant", "lawyer", "accountant"], "residents-council-two-thirds")));

        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var body = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)body["own"]!);
        var matters = await MattersAsync(world.StaffA, world.A);
        Assert.Equal(["parking|停车管理||", $"fire-safety|消防改造|{world.SharedWorkflow}|accountant,lawyer"], matters.Select(m =>
            $"{m!["code"]}|{m["zh"]}|{m["definitionId"]}|{string.Join(",", m["advisors"]!.AsArray().Select(a => (string)a!))}"));
        Assert.Equal("two-thirds", (string)matters[1]!["decisionRule"]!);
        // The other community still reads the configured catalogue.
        Assert.Equal(MattersCatalogue.Default.Count, (await MattersAsync(world.StaffB, world.B)).Count);

        var buildingId = await BuildingAsync(world, world.A, "9栋");
        object Complaint(string category) => new
        {
            categoryCode = category, title = "消防通道被占", description = "居民反映", severity = 3, urgency = 3, reporterCount = 2,
            buildingGroupIds = new[] { buildingId }, householdIds = Array.Empty<string>(), reporterPersonIds = Array.Empty<string>(),
        };
        var logged = await world.StaffA.PostAsJsonAsync($"/api/communities/{world.A}/complaints", Complaint("fire-safety"));
        var removed = await world.StaffA.PostAsJsonAsync($"/api/communities/{world.A}/complaints", Complaint("lift"));
        Assert.True(logged.StatusCode == HttpStatusCode.Created, await logged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        Assert.Equal(1, (int)(await MattersAsync(world.StaffA, world.A))[1]!["complaints"]!);
    }

    [Fact]
    public async Task Put_InvalidEntries_AnswersEachFieldsCodeInTheCallersLanguage_AndChangesNothing()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var invalid = Catalogue(
            Matter("Bad Code", "坏", "Bad"),
            Matter("noise", "", "Noise", "no-such-workflow", ["notary"], "no-such-template"),
            Matter("noise", "噪音", "Noise", world.Of[world.B].Workflow));

        using var request = new HttpRequestMessage(HttpMethod.Put, Api(world.A)) { Content = JsonContent.Create(invalid) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await world.StaffA.SendAsync(request);
        var empty = await world.StaffA.PutAsJsonAsync(Api(world.A), Catalogue());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bad-request", (string)problem["code"]!);
        var codes = problem["errorCodes"]!.AsObject().ToDictionary(e => e.Key, e => (string)e.Value![0]!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["matters[0].code"] = "matter-code",
            ["matters[1].zh"] = "required-at-most",
            ["matters[1].definitionId"] = "matter-workflow",
            ["matters[1].advisors"] = "matter-advisor",
            ["matters[1].rulesTemplate"] = "matter-rules-template",
            ["matters[2].code"] = "matter-code-repeated",
            // Another community's own workflow is not one this community can launch.
            ["matters[2].definitionId"] = "matter-workflow",
        }, codes);
        Assert.Equal("“no-such-workflow”不是本社区可以启动的已发布流程。", (string)problem["errors"]!["matters[1].definitionId"]![0]!);
        Assert.Equal("catalogue-empty", (string)(await empty.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["matters"]![0]!);
        Assert.False((bool)(await world.StaffA.GetFromJsonAsync<JsonObject>(Api(world.A)))!["own"]!);
    }

    [Fact]
    public async Task Put_LeavingOutAKindAComplaintIsOf_IsRefused()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var buildingId = await BuildingAsync(world, world.A, "1栋");
        var logged = await world.StaffA.PostAsJsonAsync($"/api/communities/{world.A}/complaints", new
        {
            categoryCode = "noise", title = "夜间施工噪音", description = "居民反映", severity = 2, urgency = 3, reporterCount = 4,
            buildingGroupIds = new[] { buildingId }, householdIds = Array.Empty<string>(), reporterPersonIds = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        var refused = await world.StaffA.PutAsJsonAsync(Api(world.A), Catalogue(Matter("parking", "停车管理", "Parking")));
        var renamed = await world.StaffA.PutAsJsonAsync(Api(world.A), Catalogue(Matter("noise", "噪声扰民", "Noise nuisance")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("matter-code-in-use", (string)problem["errorCodes"]!["matters"]![0]!);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("噪声扰民", (string)(await MattersAsync(world.StaffA, world.A))[0]!["zh"]!);
    }

    [Fact]
    public async Task OtherCommunitysStaffAndBuildingHeads_CannotChangeTheCatalogueOrReadAProposal()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var change = Catalogue(Matter("parking", "停车管理", "Parking"));
        var complaint = Guid.NewGuid();

        var attempts = new (string What, HttpResponseMessage Response, HttpStatusCode Expected)[]
        {
            ("read theirs", await world.StaffB.GetAsync(Api(world.A)), HttpStatusCode.NotFound),
            ("change theirs", await world.StaffB.PutAsJsonAsync(Api(world.A), change), HttpStatusCode.NotFound),
            ("building head changes", await world.HeadA.PutAsJsonAsync(Api(world.A), change), HttpStatusCode.Forbidden),
            ("building head reads a proposal", await world.HeadA.GetAsync($"/api/communities/{world.A}/complaints/{complaint}/launch-proposal"), HttpStatusCode.Forbidden),
            ("proposal of theirs", await world.StaffB.GetAsync($"/api/communities/{world.A}/complaints/{complaint}/launch-proposal"), HttpStatusCode.NotFound),
            ("proposal of nothing", await world.StaffA.GetAsync($"/api/communities/{world.A}/complaints/{complaint}/launch-proposal"), HttpStatusCode.NotFound),
        };

        foreach (var (what, response, expected) in attempts) Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode}");
        Assert.False((bool)(await world.StaffA.GetFromJsonAsync<JsonObject>(Api(world.A)))!["own"]!);
    }
}
