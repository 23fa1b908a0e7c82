namespace Deliberation.Engine.Messaging;

/// <summary>An email as an activity composes it; the integrations deliver it from the outbox.</summary>
/// <param name="To">Recipient addresses.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Body)
{
    /// <summary>The outbox kind of email messages.</summary>
    public const string OutboxKind = "email";

    /// <summary>Optional HTML body (already sanitised or encoded).</summary>
    public string? HtmlBody { get; init; }

    /// <summary>
    /// Optional attachments. Absent (<see langword="null"/>) in payloads written before attachments
    /// existed, and omitted from the JSON when there are none.
    /// </summary>
    public IReadOnlyList<EmailAttachment>? Attachments { get; init; }

    /// <summary>
    /// The words of the button shown for a link in the HTML part, by link (a link on a line of its own in
    /// <see cref="Body"/>); a link without words gets a general "打开链接".
    /// </summary>
    public IReadOnlyDictionary<string, string>? LinkLabels { get; init; }

    /// <summary>The HTML part as sent: the composer's own, or <see cref="Body"/> with its links as buttons (<see cref="EmailHtml"/>).</summary>
    public string HtmlOrFromText() => HtmlBody ?? EmailHtml.FromText(Body, LinkLabels);

    /// <summary>Where replies go (e.g. the organizer of a meeting invitation), when not the sender.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>
    /// The Message-ID (without angle brackets) of the email this one answers, when it answers one (a confirmation of an
    /// answer given by reply): it threads under it and is marked as sent automatically, so that auto-responders leave it be.
    /// </summary>
    public string? InReplyTo { get; init; }
}
