using System.Buffers.Binary;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;

namespace Deliberation.Testing;

/// <summary>
/// Real images made in the test with SkiaSharp (no binary fixtures), and a phone's EXIF written into a JPEG by hand: an
/// orientation, a GPS position and a description, as a camera app stores them in an APP1 segment.
/// </summary>
public static class TestImages
{
    /// <summary>Where the test photos were "taken": 大朗社区 (Dalong), Dongguan.</summary>
    public static readonly (double Latitude, double Longitude) Dalong = (22.9406, 113.9502);

    /// <summary>A real JPEG of one colour (8×8 unless said).</summary>
    public static byte[] Jpeg(int width = 8, int height = 8, SKColor? color = null) =>
        Encode(Filled(width, height, color ?? new SKColor(200, 120, 40)), SKEncodedImageFormat.Jpeg);

    /// <summary>A real PNG of one colour; with an alpha below 255 it is transparent.</summary>
    public static byte[] Png(int width = 8, int height = 8, byte alpha = 255) =>
        Encode(Filled(width, height, new SKColor(40, 160, 90, alpha)), SKEncodedImageFormat.Png);

    /// <summary>A real (lossy) WebP of one colour.</summary>
    public static byte[] WebP(int width = 8, int height = 8) =>
        Encode(Filled(width, height, new SKColor(60, 60, 200)), SKEncodedImageFormat.Webp);

    /// <summary>A JPEG whose left half is <paramref name="left"/> and right half <paramref name="right"/>, to tell which way is up.</summary>
    public static byte[] Halves(int width, int height, SKColor left, SKColor right)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Color = left };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
            paint.Color = right;
            canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
        }
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    /// <summary>
    /// The JPEG with a phone's APP1 Exif segment written after its first segments: IFD0 with the orientation and
    /// (optionally) an ImageDescription, and a GPS IFD with the position (optionally).
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation = 1, (double Latitude, double Longitude)? gps = null, string? description = null)
    {
        var tiff = Tiff(orientation, gps, description);
        byte[] segment = [0xFF, 0xE1, .. BigEndian((ushort)(2 + 6 + tiff.Length)), .. "Exif\0\0"u8, .. tiff];
        return Splice(jpeg, segment);
    }

    /// <summary>The JPEG with a comment segment (COM) carrying <paramref name="text"/>.</summary>
    public static byte[] WithComment(byte[] jpeg, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Splice(jpeg, [0xFF, 0xFE, .. BigEndian((ushort)(2 + bytes.Length)), .. bytes]);
    }

    /// <summary>The JPEG with its frame header (SOF) claiming other dimensions: the pixels are not there, only the claim.</summary>
    public static byte[] ClaimingSize(byte[] jpeg, int width, int height)
    {
        var copy = jpeg.ToArray();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] != 0xFF || copy[i + 1] is not (0xC0 or 0xC1 or 0xC2)) continue;
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
            return copy;
        }
        throw new InvalidOperationException("No frame header in the JPEG.");
    }

    /// <summary>Whether the bytes hold an Exif header anywhere (a JPEG's APP1, a PNG's eXIf, a WebP's EXIF chunk all start so).</summary>
    public static bool HasExif(byte[] content) => content.AsSpan().IndexOf("Exif\0\0"u8) >= 0 || content.AsSpan().IndexOf("eXIf"u8) >= 0;

    /// <summary>The GPS position MetadataExtractor reads from the bytes, or null.</summary>
    public static GeoLocation? GpsOf(byte[] content) =>
        ImageMetadataReader.ReadMetadata(new MemoryStream(content)).OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();

    /// <summary>The image's size and the colour of a pixel, decoded.</summary>
    public static (int Width, int Height, SKColor Pixel) Decode(byte[] content, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(content) ?? throw new InvalidOperationException("Not an image.");
        return (bitmap.Width, bitmap.Height, bitmap.GetPixel(x, y));
    }

    private static SKBitmap Filled(int width, int height, SKColor color)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, color.Alpha == 255 ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        bitmap.Erase(color);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var data = bitmap.Encode(format, 90))
        {
            return data.ToArray();
        }
    }

    /// <summary>After SOI and a JFIF APP0, where a camera puts its APP1.</summary>
    private static byte[] Splice(byte[] jpeg, byte[] segment)
    {
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0) at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg[..at], .. segment, .. jpeg[at..]];
    }

    /// <summary>A big-endian TIFF structure: IFD0 (orientation, description, GPS pointer), then the GPS IFD, then the values.</summary>
    private static byte[] Tiff(ushort orientation, (double Latitude, double Longitude)? gps, string? description)
    {
        var ifd0 = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)> { (0x0112, 3, 1, BigEndian(orientation)) };
        if (description is not null) ifd0.Add((0x010E, 2, 0, Encoding.ASCII.GetBytes(description + "\0")));
        var gpsIfd = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>();
        if (gps is { } at)
        {
            gpsIfd.Add((0x0000, 1, 4, [2, 3, 0, 0]));
            gpsIfd.Add((0x0001, 2, 2, "N\0"u8.ToArray()));
            gpsIfd.Add((0x0002, 5, 3, Degrees(at.Latitude)));
            gpsIfd.Add((0x0003, 2, 2, "E\0"u8.ToArray()));
            gpsIfd.Add((0x0004, 5, 3, Degrees(at.Longitude)));
            ifd0.Add((0x8825, 4, 1, new byte[4])); // the GPS IFD's offset, filled in below
        }
        var ifd0Size = 2 + 12 * ifd0.Count + 4;
        var gpsOffset = 8 + ifd0Size;
        var gpsSize = gpsIfd.Count == 0 ? 0 : 2 + 12 * gpsIfd.Count + 4;
        var data = new List<byte>();
        var dataStart = gpsOffset + gpsSize;
        var output = new List<byte>();
        output.AddRange("MM\0\x2A"u8.ToArray());
        output.AddRange(BigEndian(8u));
        void WriteIfd(List<(ushort Tag, ushort Type, uint Count, byte[] Value)> entries)
        {
            output.AddRange(BigEndian((ushort)entries.Count));
            foreach (var (tag, type, count, value) in entries)
            {
                var bytes = tag == 0x8825 ? BigEndian((uint)gpsOffset) : value;
                var n = count == 0 ? (uint)bytes.Length : count;
                output.AddRange(BigEndian(tag));
                output.AddRange(BigEndian(type));
                output.AddRange(BigEndian(n));
                if (bytes.Length <= 4)
                {
                    output.AddRange(bytes);
                    output.AddRange(new byte[4 - bytes.Length]);
                }
                else
                {
                    output.AddRange(BigEndian((uint)(dataStart + data.Count)));
                    data.AddRange(bytes);
                }
            }
            output.AddRange(BigEndian(0u));
        }
        WriteIfd(ifd0);
        if (gpsIfd.Count > 0) WriteIfd(gpsIfd);
        output.AddRange(data);
        return [.. output];
    }

    /// <summary>Degrees, minutes and seconds as three TIFF rationals.</summary>
    private static byte[] Degrees(double value)
    {
        var degrees = (uint)value;
        var minutes = (uint)((value - degrees) * 60);
        var seconds = (uint)Math.Round(((value - degrees) * 60 - minutes) * 60 * 1000);
        return [.. BigEndian(degrees), .. BigEndian(1u), .. BigEndian(minutes), .. BigEndian(1u), .. BigEndian(seconds), .. BigEndian(1000u)];
    }

    private static byte[] BigEndian(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
