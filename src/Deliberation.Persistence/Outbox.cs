using System.Text.Json;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Persistence.Entities;

namespace Deliberation.Persistence;

/// <summary>Outbox rows for emails that domain stores queue in their own (or a step's) transaction.</summary>
internal static class Outbox
{
    /// <summary>An email row, due at once, belonging to <paramref name="instanceId"/> when a workflow step queued it.</summary>
    public static OutboxRow Email(EmailMessage message, DateTimeOffset now, Guid? instanceId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        InstanceId = instanceId,
        Kind = EmailMessage.OutboxKind,
        Payload = JsonSerializer.Serialize(message, DefinitionJson.Options),
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
