using Deliberation.Engine.Storage;

namespace Deliberation.Engine.Messaging;

/// <summary>An outbox message claimed for delivery, with the number of earlier attempts.</summary>
public sealed record ClaimedOutboxMessage(OutboxMessage Message, int Attempts);
