using Deliberation.Civic.Issues;
using Deliberation.Engine.Runtime;
using Microsoft.AspNetCore.Http.Features;

namespace Deliberation.Host.Api;

/// <summary>
/// Reads a photo sent as a phone's browser sends it (multipart, one file field): at most <see cref="ComplaintPhotos.MaxBytes"/>,
/// decoded and re-encoded by <see cref="PhotoSanitizer"/> so that what is stored is pixels only. A photo over the limit is
/// refused with code <c>photo-too-large</c>; anything else wrong with it as <c>bad-request</c> naming the field.
/// </summary>
internal static class PhotoUploads
{
    /// <summary>The form (its other fields) and the sanitised photo of <paramref name="field"/>.</summary>
    /// <exception cref="WorkflowException">No photo, not an image, or too large (400), in the caller's language.</exception>
    public static async Task<(IFormCollection Form, SanitizedPhoto Photo)> ReadAsync(HttpRequest http, string field, CancellationToken cancellationToken)
    {
        if (!http.HasFormContentType)
            throw Invalid(http, field, $"请以 multipart/form-data 上传照片（字段 {field}）。", $"Send the photo as multipart/form-data in the field '{field}'.");
        IFormCollection form;
        try
        {
            // Read here rather than bound, so that a photo over the limit is refused with a clear message.
            form = await http.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = ComplaintPhotos.MaxBytes + 64 * 1024 }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw TooLarge(field);
        }
        var file = form.Files[field] ?? (form.Files.Count > 0 ? form.Files[0] : null)
            ?? throw Invalid(http, field, "没有收到照片。", "The form has no photo.");
        if (file.Length > ComplaintPhotos.MaxBytes) throw TooLarge(field);
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, cancellationToken);
        // Decoded and re-encoded: what is stored and served is pixels only (no EXIF, no GPS, nothing appended).
        if (!PhotoSanitizer.TrySanitize(content, out var sanitized, out var refusal))
        {
            if (refusal.Message == PhotoFields.PhotoTooLarge) throw TooLarge(field);
            if (refusal.Message == PhotoFields.PhotoFormat)
                throw Invalid(http, field, "只能上传 JPEG、PNG 或 WebP 格式的照片（苹果手机请在相机设置中选择“兼容性最佳”）。",
                    "Only JPEG, PNG or WebP photos are accepted (on an iPhone, set the camera to 'Most Compatible').");
            throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", refusal.Format(english: true))
                { FieldErrors = new Dictionary<string, FieldError[]> { [field] = [refusal] } };
        }
        return (form, sanitized);
    }

    /// <summary>A refusal of one field, its message in the caller's language.</summary>
    public static WorkflowException Invalid(HttpRequest http, string field, string zh, string en)
    {
        var message = ProblemTitles.PrefersEnglish(http.Headers.AcceptLanguage.ToString()) ? en : zh;
        return new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", message) { Errors = new Dictionary<string, string[]> { [field] = [message] } };
    }

    private static WorkflowException TooLarge(string field) =>
        new(WorkflowErrorKind.Invalid, "photo-too-large", $"A photo may have at most {ComplaintPhotos.MaxBytes / (1024 * 1024)} MB; nothing was stored.")
        {
            FieldErrors = new Dictionary<string, FieldError[]> { [field] = [PhotoFields.PhotoTooLarge.With(("max", ComplaintPhotos.MaxBytes / 1024 / 1024))] },
        };
}
