using System.Text;

namespace Deliberation.Engine.Messaging;

/// <summary>
/// A file attached to an <see cref="EmailMessage"/>. The content travels base64-encoded so the
/// outbox payload stays plain JSON.
/// </summary>
/// <param name="FileName">The file name the recipient sees, e.g. <c>invite.ics</c>.</param>
/// <param name="ContentType">The MIME type, optionally with parameters, e.g. <c>text/calendar; method=REQUEST</c>.</param>
/// <param name="ContentBase64">The file's bytes, base64-encoded.</param>
public sealed record EmailAttachment(string FileName, string ContentType, string ContentBase64)
{
    /// <summary>An attachment holding <paramref name="content"/> as UTF-8 bytes.</summary>
    public static EmailAttachment FromText(string fileName, string contentType, string content) =>
        new(fileName, contentType, Convert.ToBase64String(Encoding.UTF8.GetBytes(content)));
}
