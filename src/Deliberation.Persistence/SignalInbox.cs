using System.Text.Json.Nodes;
using Deliberation.Persistence.Entities;

namespace Deliberation.Persistence;

/// <summary>
/// Durable signals that domain stores queue in the transaction of the change that causes them: the change and
/// its signal commit together, and the runtime delivers the signal to the instance's bookmark as soon as one
/// waits for it (<see cref="Engine.Runtime.WorkflowRuntime.DeliverQueuedSignalsAsync"/>), now or later.
/// </summary>
internal static class SignalInbox
{
    /// <summary>Adds a queued signal to the context; it commits with the context's transaction.</summary>
    public static void Queue(DeliberationDbContext db, Guid instanceId, string name, string? correlation, JsonObject payload, DateTimeOffset now) =>
        db.Signals.Add(new SignalRow
        {
            Id = Guid.CreateVersion7(now),
            InstanceId = instanceId,
            Name = name,
            Correlation = correlation,
            Payload = payload.ToJsonString(),
            CreatedAt = now,
        });
}
