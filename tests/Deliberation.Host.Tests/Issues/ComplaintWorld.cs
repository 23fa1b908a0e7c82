using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Api;

namespace Deliberation.Host.Tests.Issues;

/// <summary>
/// A community for the complaint tests: 1栋 (东苑, 4 households, head 王楼长 with email), 2栋 (西苑, 2 households,
/// head 欧阳楼长 with email), 3栋 (西苑, 1 household, head 陈楼长 without email) — 7 households in all.
/// </summary>
public sealed record ComplaintWorld(string CommunityId, string Code, IReadOnlyDictionary<string, string> Buildings,
    IReadOnlyDictionary<string, string> Households, IReadOnlyDictionary<string, string> People, string Head1Email, string Head2Email)
{
    public const int HouseholdCount = 7;

    /// <summary>Creates the community (named 大龙社区) with its roster; head emails are unique to this world.</summary>
    public static async Task<ComplaintWorld> CreateAsync(HttpClient admin, string code)
    {
        var created = await admin.PostAsJsonAsync("/api/communities", new { code, name = "大龙社区" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        foreach (var precinct in new[] { "东苑", "西苑" })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/communities/{id}/precincts", new { name = precinct })).StatusCode);
        var buildings = new Dictionary<string, string>();
        foreach (var (name, precinct) in new[] { ("1栋", "东苑"), ("2栋", "西苑"), ("3栋", "西苑") })
        {
            var response = await admin.PostAsJsonAsync($"/api/communities/{id}/building-groups", new { precinctName = precinct, name });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            buildings[name] = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }

        var head1 = $"head1-{Guid.NewGuid():N}@example.com";
        var head2 = $"head2-{Guid.NewGuid():N}@example.com";
        var roster = RosterApi.Header + "\r\n" +
            $"东苑,1栋,101,80,王楼长,居民、楼长,{head1},,是\r\n" +
            "东苑,1栋,102,80,张一,,,,是\r\n" +
            "东苑,1栋,201,80,李二,,,,是\r\n" +
            "东苑,1栋,202,80,赵三,,,,是\r\n" +
            $"西苑,2栋,301,75,欧阳楼长,居民、楼长,{head2},,是\r\n" +
            "西苑,2栋,302,75,钱四,,,,是\r\n" +
            "西苑,3栋,401,60,孙五,,,,是\r\n" +
            "西苑,3栋,,,陈楼长,楼长,,,\r\n";
        var import = await RosterApi.ImportAsync(admin, id, Encoding.UTF8.GetBytes(roster), "roster.csv");
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var people = await RosterApi.PeopleAsync(admin, id);
        var households = people.Where(p => p!["householdId"] is not null)
            .ToDictionary(p => $"{p!["buildingGroupName"]}-{p["unit"]}", p => (string)p!["householdId"]!);
        Assert.Equal(HouseholdCount, households.Count);
        return new ComplaintWorld(id, code, buildings, households, people.ToDictionary(p => (string)p!["name"]!, p => (string)p!["id"]!), head1, head2);
    }

    public string Complaints => $"/api/communities/{CommunityId}/complaints";

    /// <summary>A complaint as a phone sends it: category, title, ratings, where, how many.</summary>
    public object Draft(string title, int severity, int urgency, int reporterCount, string[]? buildings = null, string[]? households = null,
        string[]? reporters = null, string category = "lift") => new
    {
        categoryCode = category,
        title,
        description = "居民反映：" + title,
        severity,
        urgency,
        reporterCount,
        buildingGroupIds = (buildings ?? []).Select(b => Buildings[b]).ToArray(),
        householdIds = (households ?? []).Select(h => Households[h]).ToArray(),
        reporterPersonIds = (reporters ?? []).Select(r => People[r]).ToArray(),
    };

    /// <summary>Logs a complaint and returns its id.</summary>
    public async Task<string> LogAsync(HttpClient client, object draft)
    {
        var response = await client.PostAsJsonAsync(Complaints, draft);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["complaint"]!["id"]!;
    }

    public async Task<JsonObject> GetAsync(HttpClient client, string complaintId) =>
        (await client.GetFromJsonAsync<JsonObject>($"{Complaints}/{complaintId}"))!;

    /// <summary>Attaches a photo as a phone's browser sends it: multipart, the file in the field <c>photo</c>.</summary>
    public async Task<HttpResponseMessage> UploadPhotoAsync(HttpClient client, string complaintId, byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "photo", fileName);
        return await client.PostAsync($"{Complaints}/{complaintId}/photos", form);
    }

    /// <summary>Creates an account of the role in the given communities and signs it in.</summary>
    public static Task<(HttpClient Client, string UserId)> AccountAsync(HostFactory host, HttpClient admin, string role, params string[] communityIds) =>
        AccountAsync(host, admin, role, null, communityIds);

    /// <summary>The building-head account of a head of the roster (王楼长 heads 1栋, 欧阳楼长 2栋), signed in.</summary>
    public Task<(HttpClient Client, string UserId)> HeadAccountAsync(HostFactory host, HttpClient admin, string headName) =>
        AccountAsync(host, admin, "BuildingHead", People[headName], CommunityId);

    private static async Task<(HttpClient Client, string UserId)> AccountAsync(HostFactory host, HttpClient admin, string role, string? personId,
        params string[] communityIds)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            email, displayName = role, password = "a-long-enough-password", roles = new[] { role }, communityIds = communityIds.Select(Guid.Parse).ToArray(),
            personId = personId is null ? (Guid?)null : Guid.Parse(personId),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = host.CreateAnonymousClient();
        await TestAccounts.SignInAsync(client, email, "a-long-enough-password");
        return (client, (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }
}
