namespace Deliberation.Engine.Messaging;

/// <summary>
/// A deliverer that keeps what it opened for one message (an SMTP connection) for the next messages of the same batch,
/// so that a batch pays for one connection instead of one per message. The dispatcher ends the batch after its last
/// message, so nothing stays open between batches.
/// </summary>
public interface IBatchedOutboxDeliverer : IOutboxDeliverer
{
    /// <summary>Closes what the batch opened; safe to call when nothing is open. Never throws for a connection already lost.</summary>
    Task EndBatchAsync(CancellationToken cancellationToken);
}
