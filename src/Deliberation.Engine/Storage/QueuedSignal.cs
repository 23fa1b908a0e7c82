using System.Text.Json.Nodes;

namespace Deliberation.Engine.Storage;

/// <summary>
/// A signal written in the transaction of the change that caused it, waiting in its instance's inbox until a
/// bookmark takes it (see <see cref="Runtime.WorkflowRuntime.DeliverQueuedSignalsAsync"/>).
/// </summary>
/// <param name="Id">The signal.</param>
/// <param name="InstanceId">The instance it is for.</param>
/// <param name="Name">The signal name a bookmark waits for.</param>
/// <param name="Correlation">What it concerns (e.g. a meeting id); a bookmark that declares a correlation takes only signals carrying the same value.</param>
/// <param name="Payload">What the resumed activity receives.</param>
/// <param name="IdempotencyKey">Makes queuing the same signal twice a no-op; null when the cause is unique anyway.</param>
/// <param name="CreatedAt">When it was queued: signals are delivered oldest first.</param>
public sealed record QueuedSignal(
    Guid Id, Guid InstanceId, string Name, string? Correlation, JsonNode? Payload, string? IdempotencyKey, DateTimeOffset CreatedAt);
