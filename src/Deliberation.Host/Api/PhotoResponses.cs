using Deliberation.Civic.Issues;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Deliberation.Host.Api;

/// <summary>
/// How a stored photo is sent back: as the image type it was re-encoded to, shown inline under a name of our own (never
/// the uploader's file name), and, should a browser open the address itself, in a sandbox that runs nothing and loads
/// nothing (with the nosniff every response carries, a photo is never read as a page).
/// </summary>
internal static class PhotoResponses
{
    /// <summary>The photo as a file response, with its headers set on <paramref name="response"/>.</summary>
    public static FileContentHttpResult Inline(HttpResponse response, Guid photoId, byte[] content, string? contentType)
    {
        var format = contentType is null ? null : ComplaintPhotos.ForContentType(contentType);
        var type = format?.ContentType ?? "application/octet-stream";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = $"{photoId:N}.{format?.Extension ?? "bin"}" }.ToString();
        response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
        return TypedResults.File(content, type);
    }
}
