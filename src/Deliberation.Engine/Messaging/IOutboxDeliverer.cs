using Deliberation.Engine.Storage;

namespace Deliberation.Engine.Messaging;

/// <summary>Delivers outbox messages of one kind after their step has committed.</summary>
public interface IOutboxDeliverer
{
    /// <summary>The outbox kind this deliverer handles.</summary>
    string Kind { get; }

    /// <summary>Delivers a message. Must be safe to repeat: delivery is at-least-once.</summary>
    /// <exception cref="OutboxDeliveryException">Delivery failed; <see cref="OutboxDeliveryException.Permanent"/> says whether to retry.</exception>
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
