namespace Deliberation.Civic.Replies;

/// <summary>
/// A reply read from the mailbox, kept by its Message-ID so that it is processed once: read again after a crash, or by a
/// second host, it changes nothing. Holds ids and the outcome only, not the text or the sender.
/// </summary>
public sealed class EmailReply
{
    /// <summary>The Message-ID (or the message's hash when it has none); the key.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>When it was processed.</summary>
    public DateTimeOffset ProcessedAt { get; set; }

    /// <summary>One of <see cref="ReplyOutcomes"/>.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>The task its signed address named; null when none matched.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>The answer it recorded, if any.</summary>
    public Guid? AnswerId { get; set; }
}
