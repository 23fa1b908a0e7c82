namespace Deliberation.Civic.Issues;

/// <summary>
/// A photo as <see cref="PhotoSanitizer"/> re-encoded it: the only thing the photo stores take, so no uploaded byte is
/// stored or served as it came.
/// </summary>
public sealed class SanitizedPhoto
{
    internal SanitizedPhoto(byte[] content, PhotoFormat format, int width, int height)
    {
        Content = content;
        Format = format;
        Width = width;
        Height = height;
    }

    /// <summary>The re-encoded bytes, without metadata.</summary>
    public byte[] Content { get; }

    /// <summary>The format of <see cref="Content"/>: JPEG, or PNG for an image with transparency.</summary>
    public PhotoFormat Format { get; }

    /// <summary>Width in pixels, upright.</summary>
    public int Width { get; }

    /// <summary>Height in pixels, upright.</summary>
    public int Height { get; }
}
