using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Issues;

/// <summary>Staff merge duplicate complaints, keeping reporters, households and history, and can undo it exactly.</summary>
[Trait("Category", "Deliberation")]
public sealed class ComplaintMergeTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _admin = host.CreateClient();

    private static string NewCode() => "m" + Guid.NewGuid().ToString("N")[..10];

    private static string Describe(JsonNode? scope, Dictionary<string, string> names) =>
        $"{scope!["buildingGroupName"]}|{scope["unit"]}|{(scope["fromComplaintId"] is { } from ? names[(string)from!] : "own")}";

    [Fact]
    public async Task MergeThenUnmerge_Duplicates_KeepReportersHouseholdsAndHistoryAndUndoRestoresBoth()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var (staff, staffId) = await ComplaintWorld.AccountAsync(host, _admin, "CommitteeStaff", world.CommunityId);
        var target = await world.LogAsync(staff, world.Draft("充电桩不够", 3, 4, 3, households: ["1栋-101"], reporters: ["张一"], category: "ebike-charging"));
        var b = await world.LogAsync(staff, world.Draft("电动车没地方充电", 3, 4, 5, buildings: ["2栋"], reporters: ["李二"], category: "ebike-charging"));
        var c = await world.LogAsync(staff, world.Draft("飞线充电危险", 4, 4, 2, households: ["1栋-101", "3栋-401"], reporters: ["张一"], category: "ebike-charging"));
        var names = new Dictionary<string, string> { [target] = "A", [b] = "B", [c] = "C" };
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var merge = await staff.PostAsJsonAsync($"{world.Complaints}/{target}/merge", new { sourceIds = new[] { b, c } });

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var merged = (await merge.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(10, (int)merged["complaint"]!["reporterCount"]!);
        // The kept complaint takes the strongest figures: C says severity 4.
        Assert.Equal((4, 4), ((int)merged["complaint"]!["severity"]!, (int)merged["complaint"]!["urgency"]!));
        Assert.Equal(["1栋|101|C", "1栋|101|own", "2栋||B", "3栋|401|C"], merged["scopes"]!.AsArray().Select(s => Describe(s, names)).Order(StringComparer.Ordinal));
        Assert.Equal(["张一|C", "张一|own", "李二|B"], merged["reporters"]!.AsArray()
            .Select(r => $"{r!["name"]}|{(r["fromComplaintId"] is { } f ? names[(string)f!] : "own")}").Order(StringComparer.Ordinal));
        Assert.Equal(new[] { b, c }.Order(StringComparer.Ordinal), merged["mergedComplaintIds"]!.AsArray().Select(id => (string)id!).Order(StringComparer.Ordinal));
        Assert.Equal(["absorbed|B", "absorbed|C", "logged|"], merged["history"]!.AsArray()
            .Select(e => $"{e!["kind"]}|{(e["otherComplaintId"] is { } o ? names[(string)o!] : "")}").Order(StringComparer.Ordinal));
        var source = await world.GetAsync(staff, b);
        Assert.Equal(("merged", target, 5), ((string)source["complaint"]!["status"]!, (string)source["complaint"]!["mergedIntoId"]!, (int)source["complaint"]!["reporterCount"]!));
        Assert.Equal(["logged", "merged-into"], source["history"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.Equal(staffId, (string)source["history"]![1]!["userId"]!);
        var ranking = await staff.GetFromJsonAsync<JsonObject>($"{world.Complaints}/ranking");
        var only = Assert.Single(ranking!["items"]!.AsArray());
        Assert.Equal((target, 4), ((string)only!["complaintId"]!, (int)only["affectedHouseholds"]!)); // 101, 301, 302, 401
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var unmerge = await staff.PostAsync($"{world.Complaints}/{b}/unmerge", null);

        Assert.Equal(HttpStatusCode.OK, unmerge.StatusCode);
        var restored = (await unmerge.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("open", (string)restored["complaint"]!["status"]!);
        Assert.Null(restored["complaint"]!["mergedIntoId"]);
        Assert.Equal(5, (int)restored["complaint"]!["reporterCount"]!);
        Assert.Equal(["2栋||own"], restored["scopes"]!.AsArray().Select(s => Describe(s, names)));
        Assert.Equal(["李二"], restored["reporters"]!.AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal(["logged", "merged-into", "unmerged"], restored["history"]!.AsArray().Select(e => (string)e!["kind"]!));
        var after = await world.GetAsync(staff, target);
        Assert.Equal(5, (int)after["complaint"]!["reporterCount"]!);
        Assert.Equal(["1栋|101|C", "1栋|101|own", "3栋|401|C"], after["scopes"]!.AsArray().Select(s => Describe(s, names)).Order(StringComparer.Ordinal));
        Assert.Equal(["张一|C", "张一|own"], after["reporters"]!.AsArray()
            .Select(r => $"{r!["name"]}|{(r["fromComplaintId"] is { } f ? names[(string)f!] : "own")}").Order(StringComparer.Ordinal));
        Assert.Equal([c], after["mergedComplaintIds"]!.AsArray().Select(id => (string)id!));
        Assert.Contains(after["history"]!.AsArray(), e => (string)e!["kind"]! == "unmerged" && (string)e["otherComplaintId"]! == b);
        Assert.Equal(2, (await staff.GetFromJsonAsync<JsonObject>($"{world.Complaints}/ranking"))!["items"]!.AsArray().Count);
        Assert.Equal(4, (int)after["complaint"]!["severity"]!); // C, still merged, keeps it at 4

        // Undoing the last merge gives the kept complaint back its own figures.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"{world.Complaints}/{c}/unmerge", null)).StatusCode);
        var own = await world.GetAsync(staff, target);
        Assert.Equal((3, 4, 3), ((int)own["complaint"]!["severity"]!, (int)own["complaint"]!["urgency"]!, (int)own["complaint"]!["reporterCount"]!));
    }

    [Fact]
    public async Task Merge_MergedComplaintOrBadSources_IsRefusedAndChangesNothing()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var a = await world.LogAsync(_admin, world.Draft("停车难", 2, 3, 4, buildings: ["1栋"], category: "parking"));
        var b = await world.LogAsync(_admin, world.Draft("车位不够", 2, 3, 2, buildings: ["1栋"], category: "parking"));
        var c = await world.LogAsync(_admin, world.Draft("乱停车", 2, 3, 1, buildings: ["2栋"], category: "parking"));
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsJsonAsync($"{world.Complaints}/{a}/merge", new { sourceIds = new[] { b } })).StatusCode);

        var mergedAgain = await _admin.PostAsJsonAsync($"{world.Complaints}/{c}/merge", new { sourceIds = new[] { b } });
        var intoMerged = await _admin.PostAsJsonAsync($"{world.Complaints}/{b}/merge", new { sourceIds = new[] { c } });
        var itself = await _admin.PostAsJsonAsync($"{world.Complaints}/{a}/merge", new { sourceIds = new[] { a } });
        var none = await _admin.PostAsJsonAsync($"{world.Complaints}/{a}/merge", new { sourceIds = Array.Empty<string>() });
        var unknown = await _admin.PostAsJsonAsync($"{world.Complaints}/{a}/merge", new { sourceIds = new[] { c, Guid.NewGuid().ToString() } });
        var unmergeOpen = await _admin.PostAsync($"{world.Complaints}/{c}/unmerge", null);

        Assert.Equal(HttpStatusCode.Conflict, mergedAgain.StatusCode);
        Assert.Equal("complaint-not-open", (string)(await mergedAgain.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(HttpStatusCode.Conflict, intoMerged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.NotNull((await itself.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["sourceIds"]);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unmergeOpen.StatusCode);
        Assert.Equal("complaint-not-merged", (string)(await unmergeOpen.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(("open", 1), ((string)(await world.GetAsync(_admin, c))["complaint"]!["status"]!, (int)(await world.GetAsync(_admin, c))["complaint"]!["reporterCount"]!));
        Assert.Equal(6, (int)(await world.GetAsync(_admin, a))["complaint"]!["reporterCount"]!);
    }
}
