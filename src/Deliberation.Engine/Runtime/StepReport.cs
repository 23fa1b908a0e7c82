namespace Deliberation.Engine.Runtime;

/// <summary>Where an instance stands after a step: what the API answers.</summary>
public sealed record StepReport(
    Guid InstanceId,
    string DefinitionId,
    int DefinitionVersion,
    InstanceStatus Status,
    string? CorrelationId,
    IReadOnlyList<WaitingActivity> Waiting,
    IReadOnlyList<Guid> OpenIncidents)
{
    /// <summary>True when this is the stored result of an earlier request with the same idempotency key.</summary>
    public bool Replayed { get; init; }

    /// <summary>Describes an instance's current state.</summary>
    public static StepReport Of(WorkflowInstance instance) => new(
        instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.CorrelationId,
        instance.State.Waiting.Select(e => new WaitingActivity(e.ActivityId, e.Id, e.Bookmarks)).ToList(),
        instance.State.Faulted.Where(e => e.IncidentId is not null).Select(e => e.IncidentId!.Value).ToList());
}
