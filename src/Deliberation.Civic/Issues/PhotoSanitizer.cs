using System.Diagnostics.CodeAnalysis;
using Deliberation.Engine.Runtime;
using SkiaSharp;

namespace Deliberation.Civic.Issues;

/// <summary>
/// Turns an uploaded photo into one the photo stores may keep and serve: decoded and drawn again, so that nothing of the
/// upload but its pixels survives. A phone's EXIF (with the GPS position of the resident's home), comments, ICC profiles,
/// trailing data and anything hidden in a polyglot file (HTML, script or ZIP behind valid image bytes) are left behind;
/// a file that only looks like an image by its first bytes does not decode and is refused.
/// </summary>
/// <remarks>
/// Accepted: JPEG, PNG and WebP (as before, recognised by content), at most <see cref="ComplaintPhotos.MaxBytes"/> and
/// <see cref="MaxPixels"/>, the pixel count read from the header before any pixel is decoded (a small file can declare a
/// huge image). The EXIF orientation is applied, since it is dropped with the rest of the metadata; photos with an edge
/// over <see cref="MaxEdge"/> are scaled down. Out comes a JPEG of quality <see cref="JpegQuality"/>, or a PNG when some
/// pixel is transparent (a JPEG would turn it black), in sRGB without metadata.
/// </remarks>
public static class PhotoSanitizer
{
    /// <summary>The most pixels a photo may declare: 40 million (a 40-megapixel camera; phones take 12 to 24 by default).</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The longest edge kept: 2560 px, plenty to read a photo of a broken lift on a screen; larger ones are scaled down.</summary>
    public const int MaxEdge = 2560;

    /// <summary>The JPEG quality of the stored photo: 85, where artefacts are hard to see and the file is a fraction of a phone's.</summary>
    public const int JpegQuality = 85;

    /// <summary>Decodes, checks and re-encodes a photo.</summary>
    /// <param name="content">The uploaded bytes.</param>
    /// <param name="photo">The re-encoded photo, when accepted.</param>
    /// <param name="refusal">
    /// Why it is refused: <see cref="PhotoFields.PhotoTooLarge"/> (over <see cref="ComplaintPhotos.MaxBytes"/>),
    /// <see cref="PhotoFields.PhotoTooManyPixels"/> (over <see cref="MaxPixels"/>), or <see cref="PhotoFields.PhotoFormat"/>
    /// (not a JPEG, PNG or WebP image that decodes whole).
    /// </param>
    /// <returns>Whether the photo is accepted.</returns>
    public static bool TrySanitize(ReadOnlySpan<byte> content, [NotNullWhen(true)] out SanitizedPhoto? photo, [NotNullWhen(false)] out FieldError? refusal)
    {
        photo = null;
        refusal = Check(content, out var declared);
        if (refusal is not null) return false;
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        // The codec must be the one the first bytes promised: a GIF, BMP or HEIF is none of the accepted formats.
        if (codec is null || Format(codec.EncodedFormat) != declared || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            refusal = PhotoFields.PhotoFormat.Error();
            return false;
        }
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            refusal = PhotoFields.PhotoTooManyPixels.With(("max", MaxPixels / 1_000_000));
            return false;
        }
        using var decoded = Decode(codec);
        if (decoded is null)
        {
            refusal = PhotoFields.PhotoFormat.Error();
            return false;
        }
        using var turned = Turn(decoded, codec.EncodedOrigin);
        photo = Encode(turned ?? decoded);
        return true;
    }

    /// <summary>The size and the first bytes, checked before any decoder sees the file: only three decoders are ever exposed to uploads.</summary>
    private static FieldError? Check(ReadOnlySpan<byte> content, out PhotoFormat? declared)
    {
        declared = null;
        if (content.Length > ComplaintPhotos.MaxBytes) return PhotoFields.PhotoTooLarge.With(("max", ComplaintPhotos.MaxBytes / 1024 / 1024));
        declared = ComplaintPhotos.Detect(content);
        return declared is null ? PhotoFields.PhotoFormat.Error() : null;
    }

    private static PhotoFormat? Format(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => ComplaintPhotos.Jpeg,
        SKEncodedImageFormat.Png => ComplaintPhotos.Png,
        SKEncodedImageFormat.Webp => ComplaintPhotos.WebP,
        _ => null,
    };

    /// <summary>
    /// The pixels in sRGB, at most <see cref="MaxEdge"/> on the longer edge; null when the image does not decode whole (a
    /// truncated or corrupt file). A large JPEG is decoded at a reduced scale (libjpeg's 1/8 steps) never below the
    /// target size, so a 40-megapixel photo never needs 160 MB of pixels.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        var info = codec.Info;
        var scale = Math.Min(1.0, (double)MaxEdge / Math.Max(info.Width, info.Height));
        var target = new SKSizeI(Math.Max(1, (int)Math.Round(info.Width * scale)), Math.Max(1, (int)Math.Round(info.Height * scale)));
        var size = info.Size;
        for (var eighths = 1; eighths < 8 && scale < 1; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (scaled.Width >= target.Width && scaled.Height >= target.Height)
            {
                size = scaled;
                break;
            }
        }
        var alpha = info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var decodeInfo = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(decodeInfo) || codec.GetPixels(decodeInfo, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        if (size == target) return bitmap;
        using (bitmap)
        {
            return bitmap.Resize(decodeInfo.WithSize(target.Width, target.Height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
    }

    /// <summary>
    /// The pixels turned upright as the EXIF orientation says (the matrices of Skia's SkEncodedOriginToMatrix); null when
    /// they are upright already.
    /// </summary>
    private static SKBitmap? Turn(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return null;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var turned = new SKBitmap(bitmap.Info.WithSize(w, h));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(bitmap, 0, 0, SKSamplingOptions.Default);
        return turned;
    }

    private static SanitizedPhoto Encode(SKBitmap bitmap)
    {
        // The pixels are sRGB already; without a colour space the encoders write no ICC profile or sRGB chunk, and sRGB is what viewers assume.
        using var pixmap = new SKPixmap(bitmap.Info.WithColorSpace(null), bitmap.GetPixels(), bitmap.RowBytes);
        var transparent = bitmap.AlphaType != SKAlphaType.Opaque && HasTransparentPixel(pixmap);
        using var encoded = transparent
            ? pixmap.Encode(SKPngEncoderOptions.Default)
            : pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        if (encoded is null) throw new InvalidOperationException("Skia could not encode decoded pixels.");
        return new SanitizedPhoto(encoded.ToArray(), transparent ? ComplaintPhotos.Png : ComplaintPhotos.Jpeg, bitmap.Width, bitmap.Height);
    }

    /// <summary>Whether any pixel is less than opaque: a PNG with an alpha channel is often a fully opaque screenshot, better kept as JPEG.</summary>
    private static bool HasTransparentPixel(SKPixmap pixmap)
    {
        var pixels = pixmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255) return true;
        }
        return false;
    }
}
