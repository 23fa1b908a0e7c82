namespace Deliberation.Persistence.Entities;

#pragma warning disable CS1591 // Row classes mirror the tables; the engine's records document the fields.

/// <summary>A definition version row.</summary>
public sealed class DefinitionRow
{
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public bool IsPublished { get; set; }
    public string Json { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public long Revision { get; set; }
}

/// <summary>An instance row; the state is a JSON document.</summary>
public sealed class InstanceRow
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string Status { get; set; } = "";
    public string? CorrelationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public long Revision { get; set; }
    public string State { get; set; } = "";
}

/// <summary>A live bookmark.</summary>
public sealed class BookmarkRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string? SignalName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A pending timer, indexed by due time; leased while the pump fires it.</summary>
public sealed class TimerRow
{
    public Guid BookmarkId { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}

/// <summary>An append-only journal line.</summary>
public sealed class JournalRow
{
    public Guid InstanceId { get; set; }
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? ExecutionId { get; set; }
    public Guid? BookmarkId { get; set; }
    public string? Outcome { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A message waiting for delivery, delivered, or failed for good.</summary>
public sealed class OutboxRow
{
    public Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An incident.</summary>
public sealed class IncidentRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string ErrorType { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
}

/// <summary>The first result of an idempotent request.</summary>
public sealed class IdempotencyRow
{
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string Result { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
