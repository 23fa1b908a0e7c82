namespace Deliberation.Civic.Replies;

/// <summary>An email read from the replies mailbox, as the mailbox reader hands it over.</summary>
/// <param name="MessageId">Its Message-ID (without angle brackets), or a hash of the message when it has none: a reply is processed once per key.</param>
/// <param name="Recipients">The addresses it was sent to (To, Cc, and the delivery headers that name the envelope's recipient).</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The plain text (from the HTML part when there is no text part), with what it quotes.</param>
/// <param name="IsAutomatic">An auto-reply, a bounce or a list's message: never answered, so that two robots never talk forever.</param>
public sealed record IncomingReply(string MessageId, IReadOnlyList<string> Recipients, string? Subject, string? Text, bool IsAutomatic)
{
    /// <summary>The longest key kept (<see cref="EmailReply.MessageId"/>); a longer Message-ID is kept as its hash.</summary>
    public const int MaxMessageIdLength = 300;
}
