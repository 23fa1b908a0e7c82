namespace Deliberation.Civic.Issues;

/// <summary>
/// Which photos a complaint accepts: JPEG, PNG or WebP, recognised by their first bytes (a phone's
/// file name and declared type are not trusted), at most <see cref="MaxBytes"/> each and
/// <see cref="MaxPerComplaint"/> per complaint.
/// </summary>
public static class ComplaintPhotos
{
    /// <summary>The largest photo: 5 MB.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The most photos per complaint.</summary>
    public const int MaxPerComplaint = 6;

    /// <summary>JPEG.</summary>
    public static readonly PhotoFormat Jpeg = new("image/jpeg", "jpg");

    /// <summary>PNG.</summary>
    public static readonly PhotoFormat Png = new("image/png", "png");

    /// <summary>WebP.</summary>
    public static readonly PhotoFormat WebP = new("image/webp", "webp");

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format of an image by its magic bytes, or null when it is none of the accepted ones.</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF) return Jpeg;
        if (content.StartsWith(PngSignature)) return Png;
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return WebP;
        return null;
    }

    /// <summary>The format stored under a content type, or null.</summary>
    public static PhotoFormat? ForContentType(string contentType) =>
        new[] { Jpeg, Png, WebP }.FirstOrDefault(f => f.ContentType == contentType);
}
