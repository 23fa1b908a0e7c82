using SkiaSharp;
using ZXing;

namespace Deliberation.Host.Tests;

/// <summary>
/// Reads a QR code off a rendered page as a phone's scanner app does: ZXing.Net's reader trying harder, in every orientation
/// and inverted. One detector pass over the upright page is not enough: ZXing's finder-pattern detection misses a few valid
/// symbols in one orientation (about 1 in 100 of our random short links and verification codes, at any resolution; zbar
/// reads them, and so does ZXing turned a quarter), which made tests of printed pages fail now and then depending on the
/// random code printed. A scanner app looks at many frames at slightly different angles; trying the four orientations is
/// the deterministic equivalent (0 of 500 random symbols missed), and the text read must still be exactly the link expected.
/// </summary>
public static class QrCodes
{
    /// <summary>The text of the QR code on the image; fails the test when none can be read.</summary>
    public static string Decode(string png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidOperationException($"{png} is not an image.");
        using var bitmap = decoded.Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = { TryHarder = true, TryInverted = true, PossibleFormats = [BarcodeFormat.QR_CODE] },
        };
        var result = reader.Decode(source);
        Assert.True(result is not null, $"No QR code could be read on {png}.");
        return result.Text;
    }
}
