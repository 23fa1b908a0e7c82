using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Deliberation.Host.Tests;

/// <summary>Reads a QR code off a rendered page, as a phone's camera would (ZXing.Net on the PNG's pixels).</summary>
public static class QrCodes
{
    /// <summary>The text of the QR code on the image; fails the test when none can be read.</summary>
    public static string Decode(string png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidOperationException($"{png} is not an image.");
        using var bitmap = decoded.Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var result = new ZXing.QrCode.QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        Assert.True(result is not null, $"No QR code could be read on {png}.");
        return result.Text;
    }
}
