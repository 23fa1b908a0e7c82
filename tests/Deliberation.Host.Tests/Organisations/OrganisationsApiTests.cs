using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Security;

namespace Deliberation.Host.Tests.Organisations;

/// <summary>The community's directory of organisations (组织名录) through the staff API.</summary>
[Trait("Category", "Deliberation")]
public sealed class OrganisationsApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task CreateListUpdateDelete_KeepsTheOrganisationWithItsContactsAndRepresentative()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var resident = world.Of[world.A].Person;

        var created = await world.StaffA.PostAsJsonAsync($"/api/communities/{world.A}/organisations", new
        {
            name = "  园林物业公司 ", kind = "property-company", notes = "负责园林小区",
            contacts = new object[]
            {
                new { name = "李经理", role = "经理", email = "li@wuye.example.cn", phone = "138-1234-5678", personId = resident, isRepresentative = true },
                new { name = "王师傅", role = "维修", isRepresentative = false },
            },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)body["id"]!;
        Assert.Equal(("园林物业公司", "property-company", "物业公司"), ((string)body["name"]!, (string)body["kind"]!, (string)body["kindName"]!));
        Assert.Equal($"/api/communities/{world.A}/organisations/{id}", created.Headers.Location!.OriginalString);
        var listed = Assert.Single((await world.StaffA.GetFromJsonAsync<JsonArray>($"/api/communities/{world.A}/organisations"))!)!;
        Assert.Equal(["李经理|经理|li@wuye.example.cn|13812345678|True", "王师傅|维修|||False"], Describe(listed));
        Assert.Equal(resident.ToString(), (string)listed["contacts"]![0]!["personId"]!);

        var updated = await world.StaffA.PutAsJsonAsync($"/api/communities/{world.A}/organisations/{id}", new
        {
            name = "园林物业", kind = "property-company",
            contacts = new object[] { new { name = "王师傅", role = "主管", isRepresentative = true } },
        });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var got = (await world.StaffA.GetFromJsonAsync<JsonObject>($"/api/communities/{world.A}/organisations/{id}"))!;
        Assert.Equal("园林物业", (string)got["name"]!);
        Assert.Null(got["notes"]);
        Assert.Equal(["王师傅|主管|||True"], Describe(got));

        Assert.Equal(HttpStatusCode.NoContent, (await world.StaffA.DeleteAsync($"/api/communities/{world.A}/organisations/{id}")).StatusCode);
        var gone = await world.StaffA.GetAsync($"/api/communities/{world.A}/organisations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("organisation-not-found", await CodeAsync(gone));
        Assert.Empty((await world.StaffA.GetFromJsonAsync<JsonArray>($"/api/communities/{world.A}/organisations"))!);
    }

    [Fact]
    public async Task Create_WithInvalidFields_AnswersEachFieldsCodeInTheCallersLanguage_AndAddsNothing()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var invalid = new
        {
            name = " ", kind = "volunteer", notes = "备注\u202E",
            contacts = new object[]
            {
                new { name = "李经理", email = "li@", phone = "12ab", personId = Guid.NewGuid(), isRepresentative = true },
                new { name = "", isRepresentative = true },
            },
        };

        var chinese = await SendAsync(world.StaffA, HttpMethod.Post, $"/api/communities/{world.A}/organisations", invalid, "zh-CN");
        var english = await SendAsync(world.StaffA, HttpMethod.Post, $"/api/communities/{world.A}/organisations", invalid, "en");

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var problem = (await chinese.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bad-request", (string)problem["code"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(
            ["contacts", "contacts[0].email", "contacts[0].personId", "contacts[0].phone", "contacts[1].name", "kind", "name", "notes"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("请在联系人中指定一位（且只能一位）代表。", (string)errors["contacts"]![0]!);
        Assert.StartsWith("类别应为以下之一：residents-committee", (string)errors["kind"]![0]!, StringComparison.Ordinal);
        var inEnglish = (await english.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.Equal("Mark exactly one contact as the representative.", (string)inEnglish["contacts"]![0]!);
        Assert.Empty((await world.StaffA.GetFromJsonAsync<JsonArray>($"/api/communities/{world.A}/organisations"))!);
    }

    [Fact]
    public async Task Update_Invalid_ChangesNothing_AndANameTakenIsRefusedAtTheName()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var first = await CreateAsync(world.StaffA, world.A, "文化路社区居委会", "residents-committee");
        await CreateAsync(world.StaffA, world.A, "网格党支部", "grid-party-branch");
        var before = await world.StaffA.GetStringAsync($"/api/communities/{world.A}/organisations/{first}");

        var noRepresentative = await world.StaffA.PutAsJsonAsync($"/api/communities/{world.A}/organisations/{first}", new
        {
            name = "居委会", kind = "residents-committee", contacts = new object[] { new { name = "张主任", isRepresentative = false } },
        });
        var taken = await world.StaffA.PutAsJsonAsync($"/api/communities/{world.A}/organisations/{first}", new { name = "网格党支部", kind = "residents-committee" });
        var takenOnCreate = await world.StaffA.PostAsJsonAsync($"/api/communities/{world.A}/organisations", new { name = "文化路社区居委会", kind = "residents-committee" });

        Assert.Equal(HttpStatusCode.BadRequest, noRepresentative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("organisation-name-taken", await FieldCodeAsync(taken, "name"));
        Assert.Equal("organisation-name-taken", await FieldCodeAsync(takenOnCreate, "name"));
        Assert.Equal(before, await world.StaffA.GetStringAsync($"/api/communities/{world.A}/organisations/{first}"));
    }

    [Fact]
    public async Task Create_OfAKindTheCommunityAdded_IsAccepted_AndListedAmongTheKinds()
    {
        var world = await TwoCommunities.CreateAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await world.StaffA.PutAsJsonAsync($"/api/communities/{world.A}/party-kinds", new { kinds = new[] { "共建单位" } })).StatusCode);

        await CreateAsync(world.StaffA, world.A, "市妇幼保健院", "共建单位");
        var kinds = (await world.StaffA.GetFromJsonAsync<JsonArray>($"/api/communities/{world.A}/organisation-kinds"))!;
        var refused = await world.StaffB.PostAsJsonAsync($"/api/communities/{world.B}/organisations", new { name = "市妇幼保健院", kind = "共建单位" });

        Assert.Equal(["居委会", "网格党支部", "业委会", "物业公司", "驻区单位", "社会组织", "共建单位"], kinds.Select(k => (string)k!["name"]!));
        Assert.True((bool)kinds[^1]!["own"]!);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("organisation-kind", await FieldCodeAsync(refused, "kind"));
    }

    [Fact]
    public async Task StaffOfAnotherCommunity_CannotSeeOrChangeTheDirectory_NorCanABuildingHead()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var id = await CreateAsync(world.StaffA, world.A, "园林小区业委会", "owners-committee");
        var before = await world.StaffA.GetStringAsync($"/api/communities/{world.A}/organisations/{id}");
        var change = new { name = "改名", kind = "owners-committee" };

        var attempts = new (string What, HttpResponseMessage Response, HttpStatusCode Expected, string? Code)[]
        {
            ("list theirs", await world.StaffB.GetAsync($"/api/communities/{world.A}/organisations"), HttpStatusCode.NotFound, "community-not-found"),
            ("get theirs", await world.StaffB.GetAsync($"/api/communities/{world.A}/organisations/{id}"), HttpStatusCode.NotFound, "community-not-found"),
            ("get through own community", await world.StaffB.GetAsync($"/api/communities/{world.B}/organisations/{id}"), HttpStatusCode.NotFound, "organisation-not-found"),
            ("update theirs", await world.StaffB.PutAsJsonAsync($"/api/communities/{world.A}/organisations/{id}", change), HttpStatusCode.NotFound, "community-not-found"),
            ("update through own community", await world.StaffB.PutAsJsonAsync($"/api/communities/{world.B}/organisations/{id}", change), HttpStatusCode.NotFound, "organisation-not-found"),
            ("delete through own community", await world.StaffB.DeleteAsync($"/api/communities/{world.B}/organisations/{id}"), HttpStatusCode.NotFound, "organisation-not-found"),
            ("delete theirs", await world.StaffB.DeleteAsync($"/api/communities/{world.A}/organisations/{id}"), HttpStatusCode.NotFound, "community-not-found"),
            ("building head", await world.HeadA.GetAsync($"/api/communities/{world.A}/organisations"), HttpStatusCode.Forbidden, null),
        };

        foreach (var (what, response, expected, code) in attempts)
        {
            Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode}");
            if (code is not null) Assert.Equal(code, await CodeAsync(response));
        }
        Assert.Empty((await world.StaffB.GetFromJsonAsync<JsonArray>($"/api/communities/{world.B}/organisations"))!);
        Assert.Equal(before, await world.StaffA.GetStringAsync($"/api/communities/{world.A}/organisations/{id}"));
    }

    [Fact]
    public async Task AddToPanel_FromAnOrganisation_ItsRepresentativeJoinsWithItsKindAndName()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var api = $"/api/communities/{world.A}";
        var resident = world.Of[world.A].Person;
        var created = await world.StaffA.PostAsJsonAsync($"{api}/organisations", new
        {
            name = "园林物业公司", kind = "property-company",
            contacts = new object[] { new { name = "王师傅", isRepresentative = false }, new { name = "李经理", role = "经理", personId = resident, isRepresentative = true } },
        });
        var organisation = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var unlinked = await CreateAsync(world.StaffA, world.A, "园林小区业委会", "owners-committee");
        var caseResponse = await world.StaffA.PostAsJsonAsync($"{api}/cases", new { title = "园林小区停车" });
        Assert.True(caseResponse.StatusCode == HttpStatusCode.Created, await caseResponse.Content.ReadAsStringAsync());
        var caseId = (string)(await caseResponse.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var joined = await world.StaffA.PostAsJsonAsync($"{api}/cases/{caseId}/panel/organisations", new { organisationId = organisation });
        var again = await world.StaffA.PostAsJsonAsync($"{api}/cases/{caseId}/panel/organisations", new { organisationId = organisation });
        var notOnRoster = await world.StaffA.PostAsJsonAsync($"{api}/cases/{caseId}/panel/organisations", new { organisationId = unlinked });
        var fromAnother = await world.StaffB.PostAsJsonAsync($"/api/communities/{world.B}/cases/{caseId}/panel/organisations", new { organisationId = organisation });

        Assert.True(joined.StatusCode == HttpStatusCode.Created, await joined.Content.ReadAsStringAsync());
        var member = Assert.Single((await world.StaffA.GetFromJsonAsync<JsonObject>($"{api}/cases/{caseId}/panel"))!["members"]!.AsArray())!;
        Assert.Equal((resident.ToString(), "party", "property-company", "园林物业公司", organisation, true),
            ((string)member["personId"]!, (string)member["role"]!, (string)member["partyKind"]!, (string)member["organisationName"]!, (string)member["organisationId"]!, (bool)member["votes"]!));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notOnRoster.StatusCode);
        Assert.Equal("organisation-representative-not-on-roster", await FieldCodeAsync(notOnRoster, "organisationId"));
        Assert.Equal(HttpStatusCode.NotFound, fromAnother.StatusCode);
    }

    private static async Task<string> CreateAsync(HttpClient client, Guid community, string name, string kind)
    {
        var created = await client.PostAsJsonAsync($"/api/communities/{community}/organisations", new
        {
            name, kind, contacts = new object[] { new { name = "张主任", role = "主任", phone = "0712-2345678", isRepresentative = true } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string language)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private static IEnumerable<string> Describe(JsonNode organisation) =>
        organisation["contacts"]!.AsArray().Select(c =>
            $"{(string)c!["name"]!}|{(string?)c["role"]}|{(string?)c["email"]}|{(string?)c["phone"]}|{(bool)c["isRepresentative"]!}");

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())?["code"];

    /// <summary>The stable code of a field's first error (the problem's <c>errorCodes</c>).</summary>
    private static async Task<string?> FieldCodeAsync(HttpResponseMessage response, string field)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (string?)problem["errorCodes"]?[field]?[0];
    }
}
