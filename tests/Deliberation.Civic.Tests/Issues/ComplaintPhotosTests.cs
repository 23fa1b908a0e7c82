using System.Text;
using Deliberation.Civic.Issues;

namespace Deliberation.Civic.Tests.Issues;

[Trait("Category", "Deliberation")]
public sealed class ComplaintPhotosTests
{
    [Fact]
    public void Detect_AcceptedFormats_ByTheirFirstBytes()
    {
        Assert.Equal(ComplaintPhotos.Jpeg, ComplaintPhotos.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal(ComplaintPhotos.Png, ComplaintPhotos.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal(ComplaintPhotos.WebP, ComplaintPhotos.Detect([.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8]));
    }

    [Fact]
    public void Detect_OtherContent_IsNull()
    {
        Assert.Null(ComplaintPhotos.Detect("GIF89a......"u8));
        Assert.Null(ComplaintPhotos.Detect(Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'/>")));
        Assert.Null(ComplaintPhotos.Detect([.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8]));
        Assert.Null(ComplaintPhotos.Detect([0xFF, 0xD8]));
        Assert.Null(ComplaintPhotos.Detect([]));
    }
}
