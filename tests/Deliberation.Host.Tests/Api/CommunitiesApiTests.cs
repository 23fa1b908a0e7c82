using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Api;

[Trait("Category", "Deliberation")]
public sealed class CommunitiesApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Import_GbkCsv_AddsTheRosterAndListsPeopleWithMaskedPhones()
    {
        var (id, building1, _) = await RosterApi.CreateCommunityAsync(_client, "gbk-csv");

        var response = await RosterApi.ImportAsync(_client, id, RosterApi.Gbk().GetBytes(RosterApi.ValidRoster), "名册.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((2, 4), ((int)summary!["householdsAdded"]!, (int)summary["peopleAdded"]!));
        Assert.Equal(
        [
            "1栋|1203|89.5|王小明|Resident+BuildingHead|wang@example.com|138****5678|true",
            "1栋|1203|89.5|王小红|Resident|||false",
            "2栋|301|75|欧阳娜娜|Resident||139****1111|true",
            "|||张律师|Lawyer|zhang@lawfirm.example.cn|075****4567|false",
        ], RosterApi.Describe(await RosterApi.PeopleAsync(_client, id)));
        Assert.Equal(["王小明", "王小红"], (await RosterApi.PeopleAsync(_client, id, $"?buildingGroupId={building1}")).Select(p => (string)p!["name"]!));
        Assert.Equal(["王小明"], (await RosterApi.PeopleAsync(_client, id, "?role=楼长")).Select(p => (string)p!["name"]!));
        Assert.Equal(["张律师"], (await RosterApi.PeopleAsync(_client, id, "?role=Lawyer")).Select(p => (string)p!["name"]!));
    }

    [Fact]
    public async Task Import_Xlsx_AddsTheRoster()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "xlsx");
        var workbook = RosterApi.Workbook(
            ["姓名", "楼栋", "房号", "建筑面积", "角色", "电话", "户代表"],
            ["王小明", "1栋", 1203, 89.5, "居民、楼长", 13812345678L, "是"],
            ["张律师", null, null, null, "律师", null, null]);

        var response = await RosterApi.ImportAsync(_client, id, workbook, "名册.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["1栋|1203|89.5|王小明|Resident+BuildingHead||138****5678|true", "|||张律师|Lawyer|||false"],
            RosterApi.Describe(await RosterApi.PeopleAsync(_client, id)));
    }

    [Fact]
    public async Task Export_ImportedIntoAnEmptyCopyOfTheStructure_ReproducesTheRoster()
    {
        var (original, _, _) = await RosterApi.CreateCommunityAsync(_client, "export-from");
        Assert.Equal(HttpStatusCode.OK, (await RosterApi.ImportAsync(_client, original, Encoding.UTF8.GetBytes(RosterApi.ValidRoster), "roster.csv")).StatusCode);

        var export = await _client.GetAsync($"/api/communities/{original}/roster/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("export-from-roster.csv", export.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(RosterApi.ExportHeader + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("东苑,,1栋,,1203,89.5,王小明,居民、楼长,wang@example.com,13812345678,是", text, StringComparison.Ordinal);

        var (copy, _, _) = await RosterApi.CreateCommunityAsync(_client, "export-to");
        var reimport = await RosterApi.ImportAsync(_client, copy, bytes, "export-from-roster.csv");

        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        Assert.Equal(RosterApi.Describe(await RosterApi.PeopleAsync(_client, original)), RosterApi.Describe(await RosterApi.PeopleAsync(_client, copy)));
        Assert.Equal(bytes, await _client.GetByteArrayAsync($"/api/communities/{copy}/roster/export"));
    }

    [Fact]
    public async Task Import_RosterWithADuplicateHouseholdAMalformedEmailAnUnknownBuildingAndAHugeName_RefusesWithEachProblemAndImportsNothing()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "acceptance");
        Assert.Equal(HttpStatusCode.OK, (await RosterApi.ImportAsync(_client, id, RosterApi.Gbk().GetBytes(RosterApi.ValidRoster), "roster.csv")).StatusCode);
        var before = RosterApi.Describe(await RosterApi.PeopleAsync(_client, id));
        var roster = RosterApi.Header + "\r\n" +
            "东苑,1栋,1205,60,孙七,\"居民,\r\n志愿者\",,,是\r\n" + // lines 2–3
            "东苑,1栋,1205,65,孙八,,,,\r\n" + // line 4: the household again with another area
            "东苑,1栋,1206,70,周九,,zhou9@@example.com,,\r\n" + // line 5: malformed email
            ",9栋,901,80,吴十,,,,\r\n" + // line 6: no such building
            $"东苑,1栋,1207,90,{new string('郑', 10_000)},,,,\r\n"; // line 7: a 10,000-character name

        var response = await RosterApi.ImportAsync(_client, id, RosterApi.Gbk().GetBytes(roster), "roster.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("invalid-roster", (string)problem!["code"]!);
        Assert.Equal("名册有误，未导入任何内容", (string)problem["title"]!);
        var problems = problem["problems"]!.AsArray().Select(p => ((int)p!["line"]!, (string?)p["column"], (string)p["code"]!)).ToList();
        Assert.Equal(
            [(4, "建筑面积", "duplicate-household"), (5, "邮箱", "email-invalid"), (6, "楼栋", "unknown-building"), (7, "姓名", "name-too-long")],
            problems);
        Assert.Contains("第 2 行", (string)problem["problems"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Equal(before, RosterApi.Describe(await RosterApi.PeopleAsync(_client, id)));
    }

    [Fact]
    public async Task Import_AcceptLanguageEnglish_ProblemsInEnglish()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "english");

        var response = await RosterApi.ImportAsync(_client, id, Encoding.UTF8.GetBytes("姓名,楼栋,房号,建筑面积\n王小明,9栋,101,50\n"), "roster.csv", "en-GB");

        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("The roster has problems; nothing was imported", (string)problem!["title"]!);
        Assert.Equal("The community has no building group '9栋' (create it first)", (string)problem["problems"]![0]!["message"]!);
    }

    [Fact]
    public async Task Import_FileOverFiveMegabytes_RefusedAsOneProblemForTheWholeFile()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "too-large");

        var response = await RosterApi.ImportAsync(_client, id, new byte[Civic.Roster.RosterLimits.MaxFileBytes + 1], "roster.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["problems"]!.AsArray());
        Assert.Equal("file-too-large", (string)problem!["code"]!);
        Assert.Null(problem["line"]);
    }

    [Fact]
    public async Task Import_FormWithoutAFile_Answers400NamingTheFieldAndOtherBodies415()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "no-file");
        using var form = new MultipartFormDataContent { { new StringContent("王小明"), "name" } };

        var withoutFile = await _client.PostAsync($"/api/communities/{id}/roster/import", form);
        var plainCsv = await _client.PostAsync($"/api/communities/{id}/roster/import", new StringContent("姓名\n王小明\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutFile.StatusCode);
        Assert.NotNull((await withoutFile.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["file"]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainCsv.StatusCode);
    }

    [Fact]
    public async Task ChangeEmail_ValidAddress_ShowsInTheListAndMalformedOneIsRefused()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "email");
        await RosterApi.ImportAsync(_client, id, Encoding.UTF8.GetBytes(RosterApi.ValidRoster), "roster.csv");
        var wang = (string)(await RosterApi.PeopleAsync(_client, id)).Single(p => (string)p!["name"]! == "王小明")!["id"]!;

        var changed = await _client.PutAsJsonAsync($"/api/communities/{id}/people/{wang}/email", new { email = "wang.new@example.com" });
        var refused = await _client.PutAsJsonAsync($"/api/communities/{id}/people/{wang}/email", new { email = "wang.new@" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("138****5678", (string)(await changed.Content.ReadFromJsonAsync<JsonObject>())!["phone"]!);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["email"]);
        Assert.Equal("wang.new@example.com", (string)(await RosterApi.PeopleAsync(_client, id)).Single(p => (string)p!["name"]! == "王小明")!["email"]!);
    }

    [Fact]
    public async Task Routes_UnknownCommunityOrPerson_Answer404Problems()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "not-found");
        var nobody = Guid.NewGuid();

        var community = await _client.GetAsync($"/api/communities/{nobody}/people");
        var person = await _client.PutAsJsonAsync($"/api/communities/{id}/people/{nobody}/email", new { email = "a@example.com" });

        Assert.Equal(HttpStatusCode.NotFound, community.StatusCode);
        Assert.Equal("community-not-found", (string)(await community.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(HttpStatusCode.NotFound, person.StatusCode);
        Assert.Equal("person-not-found", (string)(await person.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
    }

    [Fact]
    public async Task Create_TakenCodeOrNameOrUnknownPrecinct_Refused()
    {
        var (id, _, _) = await RosterApi.CreateCommunityAsync(_client, "taken");

        var code = await _client.PostAsJsonAsync("/api/communities", new { code = "TAKEN", name = "另一个社区" });
        var precinct = await _client.PostAsJsonAsync($"/api/communities/{id}/precincts", new { name = "东苑" });
        var building = await _client.PostAsJsonAsync($"/api/communities/{id}/building-groups", new { precinctName = "北苑", name = "3栋" });
        var invalid = await _client.PostAsJsonAsync("/api/communities", new { code = "有空格 的", name = "", escalationEmails = "x@" });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.BadRequest),
            (code.StatusCode, precinct.StatusCode, building.StatusCode));
        Assert.Equal("community-code-taken", (string)(await code.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["code", "name", "escalationEmails"], errors.Select(e => e.Key));
    }
}
