using System.Text;
using Deliberation.Civic.Issues;
using SkiaSharp;

namespace Deliberation.Civic.Tests.Issues;

/// <summary>
/// Uploaded photos are decoded and encoded again: a resident's GPS position, a comment or appended HTML never reach the
/// store, and a file that only starts like an image is refused. Every image here is made in the test with SkiaSharp.
/// </summary>
[Trait("Category", "Security")]
public sealed class PhotoSanitizerTests
{
    private const string Html = "<html><body><script>alert(document.cookie)</script></body></html>";

    [Fact]
    public void TrySanitize_PhoneJpegWithGpsExif_KeepsThePixelsAndNoExifAtAll()
    {
        var upload = TestImages.WithExif(TestImages.Jpeg(64, 48), gps: TestImages.Dalong, description: "王芳家 3栋-502");
        var before = TestImages.GpsOf(upload);

        Assert.True(PhotoSanitizer.TrySanitize(upload, out var photo, out _));

        Assert.NotNull(before);
        Assert.Equal(TestImages.Dalong.Latitude, before.Latitude, 3);
        Assert.Equal(TestImages.Dalong.Longitude, before.Longitude, 3);
        Assert.True(TestImages.HasExif(upload));
        Assert.False(TestImages.HasExif(photo.Content));
        Assert.Null(TestImages.GpsOf(photo.Content));
        Assert.DoesNotContain("3栋-502", Encoding.UTF8.GetString(photo.Content), StringComparison.Ordinal);
        Assert.Equal((ComplaintPhotos.Jpeg, 64, 48), (photo.Format, photo.Width, photo.Height));
        Assert.Equal(ComplaintPhotos.Jpeg, ComplaintPhotos.Detect(photo.Content));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public void TrySanitize_MagicBytesFollowedByHtml_IsRefusedAsAWrongFormat(string magic)
    {
        byte[] start = magic switch
        {
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0],
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            _ => [.. "RIFF"u8, 0x40, 0, 0, 0, .. "WEBPVP8 "u8],
        };
        byte[] upload = [.. start, .. Encoding.UTF8.GetBytes(Html)];

        Assert.NotNull(ComplaintPhotos.Detect(upload));
        Assert.False(PhotoSanitizer.TrySanitize(upload, out var photo, out var refusal));

        Assert.Null(photo);
        Assert.Equal("photo-format", refusal.Code);
    }

    [Fact]
    public void TrySanitize_PngMagicBytesInFrontOfAZip_IsRefusedAsAWrongFormat()
    {
        byte[] upload = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "PK\x03\x04"u8, .. new byte[26], .. Encoding.UTF8.GetBytes("index.html" + Html)];

        Assert.False(PhotoSanitizer.TrySanitize(upload, out _, out var refusal));

        Assert.Equal(PhotoFields.PhotoFormat, refusal.Message);
    }

    [Fact]
    public void TrySanitize_ValidJpegWithZipAndHtmlAppended_StoresThePixelsWithoutThePayload()
    {
        var jpeg = TestImages.Jpeg(32, 32);
        byte[] upload = [.. jpeg, .. "PK\x03\x04"u8, .. new byte[26], .. Encoding.UTF8.GetBytes("payload.html" + Html)];

        Assert.True(PhotoSanitizer.TrySanitize(upload, out var photo, out _));

        Assert.Equal(-1, photo.Content.AsSpan().IndexOf("PK\x03\x04"u8));
        Assert.DoesNotContain("<script", Encoding.Latin1.GetString(photo.Content), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((32, 32), (photo.Width, photo.Height));
    }

    [Fact]
    public void TrySanitize_HtmlInACommentAndInTheExifDescription_IsNotStored()
    {
        var upload = TestImages.WithComment(TestImages.WithExif(TestImages.Jpeg(16, 16), description: Html), Html);

        Assert.True(PhotoSanitizer.TrySanitize(upload, out var photo, out _));

        Assert.Contains("<script", Encoding.Latin1.GetString(upload), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Encoding.Latin1.GetString(photo.Content), StringComparison.OrdinalIgnoreCase);
        Assert.False(TestImages.HasExif(photo.Content));
    }

    [Fact]
    public void TrySanitize_PngWithTransparency_StaysAPngWithItsAlpha()
    {
        Assert.True(PhotoSanitizer.TrySanitize(TestImages.Png(10, 6, alpha: 128), out var photo, out _));

        Assert.Equal((ComplaintPhotos.Png, 10, 6), (photo.Format, photo.Width, photo.Height));
        var (_, _, pixel) = TestImages.Decode(photo.Content, 5, 3);
        Assert.InRange(pixel.Alpha, 120, 136);
    }

    [Fact]
    public void TrySanitize_OpaquePngAndWebP_AreStoredAsJpeg()
    {
        Assert.True(PhotoSanitizer.TrySanitize(TestImages.Png(12, 12), out var png, out _));
        Assert.True(PhotoSanitizer.TrySanitize(TestImages.WebP(12, 12), out var webp, out _));

        Assert.Equal(ComplaintPhotos.Jpeg, png.Format);
        Assert.Equal(ComplaintPhotos.Jpeg, webp.Format);
        Assert.Equal(ComplaintPhotos.Jpeg, ComplaintPhotos.Detect(webp.Content));
    }

    [Fact]
    public void TrySanitize_OverFortyMegapixels_IsRefusedFromTheHeaderWithItsCode()
    {
        // An 8×8 JPEG whose header claims 8000×6000 (48 megapixels): refused by the claim, before any pixel is decoded.
        var upload = TestImages.ClaimingSize(TestImages.Jpeg(), 8000, 6000);

        Assert.False(PhotoSanitizer.TrySanitize(upload, out var photo, out var refusal));

        Assert.Null(photo);
        Assert.Equal("photo-too-many-pixels", refusal.Code);
        Assert.Equal("照片像素过多（超过 40 百万像素），请缩小后再上传。", refusal.Format(english: false));
        Assert.Equal("The photo has more than 40 megapixels; send a smaller one.", refusal.Format(english: true));
    }

    [Fact]
    public void TrySanitize_OverFiveMegabytes_IsRefusedAsTooLarge()
    {
        byte[] upload = [.. TestImages.Jpeg(), .. new byte[ComplaintPhotos.MaxBytes]];

        Assert.False(PhotoSanitizer.TrySanitize(upload, out _, out var refusal));

        Assert.Equal(("photo-too-large", "照片不能超过 5 MB。"), (refusal.Code, refusal.Format(english: false)));
    }

    [Fact]
    public void TrySanitize_TruncatedJpegOrGif_IsRefusedAsAWrongFormat()
    {
        var jpeg = TestImages.Jpeg(64, 64);

        Assert.False(PhotoSanitizer.TrySanitize(jpeg.AsSpan(0, jpeg.Length / 2), out _, out var truncated));
        Assert.False(PhotoSanitizer.TrySanitize("GIF89a\x01\0\x01\0\0\0\0;"u8, out _, out var gif));

        Assert.Equal("photo-format", truncated.Code);
        Assert.Equal("photo-format", gif.Code);
    }

    [Fact]
    public void TrySanitize_PhoneHeldUpright_TurnsThePixelsAsTheExifOrientationSays()
    {
        // A phone stores the sensor's landscape pixels with orientation 6 (turn 90° clockwise): left becomes top.
        var upload = TestImages.WithExif(TestImages.Halves(40, 20, SKColors.Red, SKColors.Blue), orientation: 6);

        Assert.True(PhotoSanitizer.TrySanitize(upload, out var photo, out _));

        Assert.Equal((20, 40), (photo.Width, photo.Height));
        var (width, height, top) = TestImages.Decode(photo.Content, 10, 5);
        var (_, _, bottom) = TestImages.Decode(photo.Content, 10, 34);
        Assert.Equal((20, 40), (width, height));
        Assert.True(top.Red > 200 && top.Blue < 60, $"top is {top}");
        Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"bottom is {bottom}");
    }

    [Fact]
    public void TrySanitize_LargePhoto_IsScaledDownToTheLongestEdgeAllowed()
    {
        Assert.True(PhotoSanitizer.TrySanitize(TestImages.Jpeg(3200, 1600), out var photo, out _));

        var (width, height, _) = TestImages.Decode(photo.Content, 0, 0);
        Assert.Equal((2560, 1280), (photo.Width, photo.Height));
        Assert.Equal((2560, 1280), (width, height));
    }
}
