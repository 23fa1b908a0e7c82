using System.Text.Json.Nodes;

namespace Deliberation.Engine.Runtime;

/// <summary>A child instance as the activity that started it sees it (<see cref="Activities.ActivityContext.StartChildWorkflowAsync"/>).</summary>
/// <param name="InstanceId">The child instance.</param>
/// <param name="DefinitionId">Its definition.</param>
/// <param name="DefinitionVersion">The version it runs.</param>
/// <param name="Status">Where it stands now.</param>
/// <param name="Variables">Its variables now: what a finished child hands back.</param>
/// <param name="OpenIncidents">How many incidents of it are open (a faulted child has at least one).</param>
public sealed record ChildWorkflow(Guid InstanceId, string DefinitionId, int DefinitionVersion, InstanceStatus Status,
    IReadOnlyDictionary<string, JsonNode?> Variables, int OpenIncidents)
{
    /// <summary>Describes an instance.</summary>
    public static ChildWorkflow Of(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status,
            instance.State.Variables.ToDictionary(v => v.Key, v => v.Value?.DeepClone(), StringComparer.Ordinal),
            instance.State.Faulted.Count(e => e.IncidentId is not null));
    }
}
