namespace Deliberation.Engine.Messaging;

/// <summary>
/// Wakes the outbox's delivery loop after a commit that wrote messages, wherever they were written (a workflow step,
/// a staff action's own transaction), so that an email goes out at once instead of at the loop's next poll.
/// A wake with nothing to send costs one look at the outbox.
/// </summary>
public sealed class OutboxSignal
{
    /// <summary>Raised after a commit that may have written outbox messages.</summary>
    public event Action? Written;

    /// <summary>Says that a commit may have written outbox messages.</summary>
    public void NotifyWritten() => Written?.Invoke();
}
