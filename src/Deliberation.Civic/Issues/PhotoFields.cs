using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Issues;

/// <summary>Why a photo (a complaint's or a progress report's) is refused, in both languages.</summary>
public static class PhotoFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage PhotoTooLarge = new("photo-too-large", "The photo is larger than {max} MB.", "照片不能超过 {max} MB。");
    public static readonly FieldMessage PhotoFormat = new("photo-format", "The photo must be a JPEG, PNG or WebP image.", "照片须为 JPEG、PNG 或 WebP 格式。");
    public static readonly FieldMessage PhotoTooManyPixels = new("photo-too-many-pixels",
        "The photo has more than {max} megapixels; send a smaller one.", "照片像素过多（超过 {max} 百万像素），请缩小后再上传。");
#pragma warning restore CS1591
}
