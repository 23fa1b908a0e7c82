using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Issues;

namespace Deliberation.Host.Tests.Issues;

/// <summary>Building heads log complaints from their phones: the request, its validation, photos, who may see what.</summary>
[Trait("Category", "Deliberation")]
public sealed class ComplaintsApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _admin = host.CreateClient();

    private static string NewCode() => "c" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Log_BuildingHead_LogsTheComplaintWithItsHouseholdsBuildingsReportersAndHistory()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var (head, headId) = await world.HeadAccountAsync(host, _admin, "王楼长");

        var response = await head.PostAsJsonAsync(world.Complaints, world.Draft("1栋电梯经常停运", severity: 4, urgency: 5, reporterCount: 1,
            households: ["1栋-101", "1栋-102"], reporters: ["张一", "李二", "张一"]));
        // 王楼长 heads 1栋: a complaint that names 2栋, or a household of 2栋, is another head's (or the staff's) to log.
        var elsewhere = await head.PostAsJsonAsync(world.Complaints, world.Draft("2栋电梯坏了", 3, 3, 1, buildings: ["2栋"]));
        var elsewhereHousehold = await head.PostAsJsonAsync(world.Complaints, world.Draft("2栋漏水", 3, 3, 1, households: ["2栋-301"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var me = (await head.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        Assert.Equal([world.Buildings["1栋"]], me["communities"]![0]!["headOf"]!.AsArray().Select(b => (string)b!));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var refused = (await elsewhere.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("楼长只能为自己负责的楼栋登记问题（1栋）；其他楼栋的问题请由该楼栋楼长或社区工作人员登记。", (string)refused["errors"]!["buildingGroupIds"]![0]!);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhereHousehold.StatusCode);
        Assert.NotNull((await elsewhereHousehold.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["householdIds"]);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)created["complaint"]!["id"]!;
        Assert.Equal($"{world.Complaints}/{id}", response.Headers.Location!.OriginalString);
        var details = await world.GetAsync(head, id);
        var complaint = details["complaint"]!;
        Assert.Equal(("lift", "1栋电梯经常停运", 4, 5, "open"),
            ((string)complaint["categoryCode"]!, (string)complaint["title"]!, (int)complaint["severity"]!, (int)complaint["urgency"]!, (string)complaint["status"]!));
        Assert.Equal(2, (int)complaint["reporterCount"]!); // two named reporters, though one was given
        Assert.Equal(headId, (string)complaint["loggedByUserId"]!);
        Assert.Equal(host.Time.GetUtcNow(), (DateTimeOffset)complaint["loggedAt"]!);
        // 101 and 102 imply 1栋.
        Assert.Equal(["1栋|101", "1栋|102"], details["scopes"]!.AsArray().Select(s => $"{s!["buildingGroupName"]}|{s["unit"]}").Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "张一", "李二" }.Order(StringComparer.Ordinal), details["reporters"]!.AsArray().Select(r => (string)r!["name"]!).Order(StringComparer.Ordinal));
        var logged = Assert.Single(details["history"]!.AsArray());
        Assert.Equal(("logged", headId), ((string)logged!["kind"]!, (string)logged["userId"]!));
        var list = await head.GetFromJsonAsync<JsonArray>($"{world.Complaints}?status=open");
        Assert.Equal([id], list!.Select(c => (string)c!["id"]!));
    }

    [Fact]
    public async Task Log_InvalidFields_Answers400WithAnErrorPerFieldInTheCallersLanguageAndSavesNothing()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var other = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var draft = new
        {
            categoryCode = "flying-cars", title = "", severity = 0, urgency = 6, reporterCount = 0,
            householdIds = new[] { other.Households["1栋-101"] },
        };

        var chinese = await _admin.PostAsJsonAsync(world.Complaints, draft);
        using var request = new HttpRequestMessage(HttpMethod.Post, world.Complaints) { Content = JsonContent.Create(draft) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        Assert.Equal("application/problem+json", chinese.Content.Headers.ContentType?.MediaType);
        var zh = (await chinese.Content.ReadFromJsonAsync<JsonObject>())!;
        var en = (await english.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("问题登记有误，未保存", (string)zh["title"]!);
        Assert.Equal("The complaint has invalid fields; nothing was saved", (string)en["title"]!);
        Assert.Equal("invalid-complaint", (string)zh["code"]!);
        Assert.Equal(["categoryCode", "householdIds", "reporterCount", "severity", "title", "urgency"],
            zh["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("未知的问题类别“flying-cars”", (string)zh["errors"]!["categoryCode"]![0]!, StringComparison.Ordinal);
        Assert.StartsWith("Unknown category 'flying-cars'", (string)en["errors"]!["categoryCode"]![0]!, StringComparison.Ordinal);
        Assert.Contains(other.Households["1栋-101"], (string)en["errors"]!["householdIds"]![0]!, StringComparison.Ordinal);
        Assert.Empty((await _admin.GetFromJsonAsync<JsonArray>(world.Complaints))!);
    }

    [Fact]
    public async Task Catalogue_AnySignedInRole_ListsTheDeliberationMatters()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var (head, _) = await ComplaintWorld.AccountAsync(host, _admin, "BuildingHead", world.CommunityId);

        var catalogue = await head.GetFromJsonAsync<JsonArray>("/api/catalogue");
        var anonymous = await host.CreateAnonymousClient().GetAsync("/api/catalogue");

        Assert.Contains(catalogue!, m => (string)m!["code"]! == "ebike-charging" && (string)m["zh"]! == "电动车充电" && (string)m["en"]! == "E-bike charging");
        Assert.Equal(["lift", "ebike-charging", "security"], catalogue!.Take(3).Select(m => (string)m!["code"]!));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Complaints_StaffOfAnotherCommunity_Answer404AndBuildingHeadsCannotMergeOrAnchor()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var elsewhere = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var (head, _) = await world.HeadAccountAsync(host, _admin, "王楼长");
        var (stranger, _) = await ComplaintWorld.AccountAsync(host, _admin, "CommitteeStaff", elsewhere.CommunityId);
        var first = await world.LogAsync(head, world.Draft("楼道灯坏了", 2, 2, 1, buildings: ["1栋"], category: "facility-repair"));
        var second = await world.LogAsync(head, world.Draft("楼道灯不亮", 2, 2, 1, buildings: ["1栋"], category: "facility-repair"));

        var strangerList = await stranger.GetAsync(world.Complaints);
        var strangerGet = await stranger.GetAsync($"{world.Complaints}/{first}");
        var strangerLog = await stranger.PostAsJsonAsync(world.Complaints, world.Draft("不该登记", 1, 1, 1, buildings: ["1栋"]));
        var strangerAnchor = await stranger.PostAsJsonAsync($"{world.Complaints}/{first}/anchor", new { });
        var headAnchor = await head.PostAsJsonAsync($"{world.Complaints}/{first}/anchor", new { });
        var headMerge = await head.PostAsJsonAsync($"{world.Complaints}/{first}/merge", new { sourceIds = new[] { second } });
        var headRanking = await head.GetAsync($"{world.Complaints}/ranking");

        Assert.Equal(HttpStatusCode.NotFound, strangerList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerLog.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerAnchor.StatusCode);
        Assert.Equal("找不到该社区", (string)(await strangerGet.Content.ReadFromJsonAsync<JsonObject>())!["title"]!);
        Assert.Equal(HttpStatusCode.Forbidden, headAnchor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, headMerge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headRanking.StatusCode);
        Assert.Equal("open", (string)(await world.GetAsync(_admin, first))["complaint"]!["status"]!);
    }

    [Fact]
    public async Task Photos_JpegPngWebp_AreStoredReEncodedAndANonImageOrASeventhPhotoIsRefused()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, NewCode());
        var (head, _) = await world.HeadAccountAsync(host, _admin, "欧阳楼长");
        var id = await world.LogAsync(head, world.Draft("垃圾堆放", 3, 3, 4, households: ["2栋-302"], category: "sanitation"));
        var jpeg = TestImages.Jpeg(40, 30);
        var png = TestImages.Png(8, 8, alpha: 100);
        var webp = TestImages.WebP(8, 8);

        var uploaded = new List<JsonObject>();
        foreach (var (content, name) in new[] { (jpeg, "IMG_0001.jpg"), (png, "screen.png"), (webp, "x.webp") })
        {
            var response = await world.UploadPhotoAsync(head, id, content, name, "image/jpeg");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            uploaded.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }
        var download = await head.GetAsync($"{world.Complaints}/{id}/photos/{uploaded[0]["id"]}");
        var pngDownload = await head.GetByteArrayAsync($"{world.Complaints}/{id}/photos/{uploaded[1]["id"]}");
        var text = await world.UploadPhotoAsync(head, id, "<html>not a photo</html>"u8.ToArray(), "photo.jpg", "image/jpeg");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await world.UploadPhotoAsync(head, id, png, "more.png", "image/png")).StatusCode);
        var seventh = await world.UploadPhotoAsync(head, id, png, "seventh.png", "image/png");
        var tooLarge = await world.UploadPhotoAsync(head, await world.LogAsync(head, world.Draft("大照片", 1, 1, 1, buildings: ["2栋"])),
            [0xFF, 0xD8, 0xFF, .. new byte[5 * 1024 * 1024]], "big.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        var served = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(ComplaintPhotos.Jpeg, ComplaintPhotos.Detect(served));
        var (width, height, _) = TestImages.Decode(served, 0, 0);
        Assert.Equal((40, 30), (width, height));
        // An opaque WebP is kept as a JPEG; a transparent PNG stays a PNG.
        Assert.Equal(["image/jpeg", "image/png", "image/jpeg"], uploaded.Select(p => (string)p["contentType"]!));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pngDownload)), (string)uploaded[1]["sha256"]!);
        Assert.Equal(pngDownload.Length, (long)uploaded[1]["length"]!);
        Assert.True(File.Exists(Path.Combine(host.DataPath, "photos", world.CommunityId, id, $"{uploaded[2]["id"]}.jpg")));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("JPEG、PNG 或 WebP", (string)(await text.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["photo"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, seventh.StatusCode);
        Assert.Contains("最多 6 张", (string)(await seventh.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["photo"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("5 MB", (string)(await tooLarge.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["photo"]![0]!, StringComparison.Ordinal);
        var details = await world.GetAsync(head, id);
        Assert.Equal(6, details["photos"]!.AsArray().Count);
        Assert.Equal(6, details["history"]!.AsArray().Count(e => (string)e!["kind"]! == "photo-added"));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(host.DataPath, "photos", world.CommunityId, id)).Length);
    }
}
