using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Host.Tests.Issues;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// A building head's phone photo through the real complaints API: what is stored and served is the re-encoded image, with
/// no GPS position of the resident's home and nothing a browser could run; files that only pose as images are refused.
/// </summary>
[Trait("Category", "Security")]
public sealed class PhotoUploadTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Script = "<script>alert(document.cookie)</script>";

    private readonly HttpClient _admin = host.CreateClient();

    [Fact]
    public async Task AddPhoto_PhoneJpegWithGps_ServedAndStoredWithoutGpsUprightAndSandboxed()
    {
        var (world, head, id) = await ComplaintAsync();
        var upload = TestImages.WithExif(TestImages.Jpeg(64, 48), orientation: 6, gps: TestImages.Dalong, description: "3栋-502");
        Assert.NotNull(TestImages.GpsOf(upload));

        var created = await world.UploadPhotoAsync(head, id, upload, "IMG_2024.jpg", "image/jpeg");
        var photo = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var response = await head.GetAsync($"{world.Complaints}/{id}/photos/{photo["id"]}");
        var served = await response.Content.ReadAsByteArrayAsync();
        var stored = await File.ReadAllBytesAsync(Path.Combine(host.DataPath, "photos", world.CommunityId, id, $"{photo["id"]}.jpg"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stored, served);
        Assert.Null(TestImages.GpsOf(served));
        Assert.False(TestImages.HasExif(served));
        Assert.DoesNotContain("3栋-502", Encoding.UTF8.GetString(served), StringComparison.Ordinal);
        var (width, height, _) = TestImages.Decode(served, 0, 0);
        Assert.Equal((48, 64), (width, height)); // turned upright as orientation 6 says
        Assert.Equal((long)served.Length, (long)photo["length"]!);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{photo["id"]}.jpg".Replace("-", "", StringComparison.Ordinal), response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPhoto_ImageMagicBytesFollowedByHtml_IsRefusedAndNothingIsStored()
    {
        var (world, head, id) = await ComplaintAsync();

        var jpegHtml = await world.UploadPhotoAsync(head, id, [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.UTF8.GetBytes(Script)], "x.jpg", "image/jpeg");
        var pngZip = await world.UploadPhotoAsync(head, id, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "PK\x03\x04"u8, .. Encoding.UTF8.GetBytes(Script)], "x.png", "image/png");

        foreach (var refused in new[] { jpegHtml, pngZip })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("bad-request", (string)problem["code"]!);
            Assert.Contains("JPEG、PNG 或 WebP", (string)problem["errors"]!["photo"]![0]!, StringComparison.Ordinal);
        }
        Assert.Empty((await world.GetAsync(head, id))["photos"]!.AsArray());
        Assert.False(Directory.Exists(Path.Combine(host.DataPath, "photos", world.CommunityId, id)));
    }

    [Fact]
    public async Task AddPhoto_ValidJpegWithHtmlAppended_IsServedWithoutThePayload()
    {
        var (world, head, id) = await ComplaintAsync();
        byte[] upload = [.. TestImages.Jpeg(24, 24), .. Encoding.UTF8.GetBytes("<html><body>" + Script + "</body></html>")];

        var created = await world.UploadPhotoAsync(head, id, upload, "x.jpg", "image/jpeg");
        var served = await head.GetByteArrayAsync($"{world.Complaints}/{id}/photos/{(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain("<script", Encoding.Latin1.GetString(served), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", Encoding.Latin1.GetString(served), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AddPhoto_OverFortyMegapixels_IsRefusedWithItsCodeInTheCallersLanguage()
    {
        var (world, head, id) = await ComplaintAsync();
        var upload = TestImages.ClaimingSize(TestImages.Jpeg(), 10_000, 5_000);

        var chinese = await world.UploadPhotoAsync(head, id, upload, "big.jpg", "image/jpeg");
        head.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await world.UploadPhotoAsync(head, id, upload, "big.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var zh = (await chinese.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("photo-too-many-pixels", (string)zh["errorCodes"]!["photo"]![0]!);
        Assert.Equal("照片像素过多（超过 40 百万像素），请缩小后再上传。", (string)zh["errors"]!["photo"]![0]!);
        var en = (await english.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("The photo has more than 40 megapixels; send a smaller one.", (string)en["errors"]!["photo"]![0]!);
        Assert.Empty((await world.GetAsync(head, id))["photos"]!.AsArray());
    }

    private async Task<(ComplaintWorld World, HttpClient Head, string ComplaintId)> ComplaintAsync()
    {
        var world = await ComplaintWorld.CreateAsync(_admin, "p" + Guid.NewGuid().ToString("N")[..10]);
        var (head, _) = await world.HeadAccountAsync(host, _admin, "欧阳楼长");
        var id = await world.LogAsync(head, world.Draft("楼道堆放杂物", 3, 3, 2, households: ["2栋-302"], category: "sanitation"));
        return (world, head, id);
    }
}
