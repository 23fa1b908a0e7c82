namespace Deliberation.Engine.Runtime;

/// <summary>A running or ended workflow instance as stored.</summary>
public sealed class WorkflowInstance
{
    /// <summary>Instance id.</summary>
    public Guid Id { get; init; }

    /// <summary>The definition it runs.</summary>
    public string DefinitionId { get; init; } = "";

    /// <summary>The definition version it started on; it never moves to another.</summary>
    public int DefinitionVersion { get; init; }

    /// <summary>Status after the last step.</summary>
    public InstanceStatus Status { get; set; }

    /// <summary>An id from the caller's domain (a case number), for lookups.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>
    /// The organisational unit the instance belongs to — the community, in this product — so the host
    /// can show it only to the people of that unit. The engine itself does not use it.
    /// </summary>
    public Guid? ScopeId { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last step committed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it finished or was cancelled.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented by every committed step.</summary>
    public long Revision { get; set; }

    /// <summary>The state document.</summary>
    public InstanceState State { get; set; } = new();
}
