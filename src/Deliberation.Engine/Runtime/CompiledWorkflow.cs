using System.Collections.Frozen;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Runtime;

/// <summary>A validated, published definition version indexed for execution.</summary>
public sealed class CompiledWorkflow
{
    private readonly FrozenDictionary<string, (ActivityNode Node, Activity Activity)> _nodes;
    private readonly FrozenDictionary<(string, string), string[]> _outgoing;

    /// <summary>Indexes a definition; it must have passed validation.</summary>
    /// <exception cref="InvalidOperationException">An activity type is unknown or there is no single Start.</exception>
    public CompiledWorkflow(WorkflowDefinition definition, int version, ActivityRegistry registry)
    {
        Definition = definition;
        Version = version;
        _nodes = definition.Activities.ToFrozenDictionary(
            n => n.Id,
            n => (n, registry.Find(n.Type, n.Version)
                ?? throw new InvalidOperationException($"Unknown activity type '{n.Type}' version {n.Version}.")),
            StringComparer.Ordinal);
        _outgoing = definition.Connections
            .GroupBy(c => (c.Source, c.SourcePort))
            .ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Target).Distinct().ToArray());
        var starts = definition.Activities.Where(a => a.Type == "Start").ToList();
        StartActivityId = starts.Count == 1 ? starts[0].Id : throw new InvalidOperationException("A workflow needs exactly one Start.");
    }

    /// <summary>The definition.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>Its version.</summary>
    public int Version { get; }

    /// <summary>The community whose own workflow this is (only its instances may run it), or null for a shared one.</summary>
    public Guid? OwnerCommunityId { get; init; }

    /// <summary>The Start activity.</summary>
    public string StartActivityId { get; }

    /// <summary>Finds an activity node and its implementation.</summary>
    public bool TryGetNode(string activityId, out ActivityNode node, out Activity activity)
    {
        if (_nodes.TryGetValue(activityId, out var entry)) { (node, activity) = entry; return true; }
        node = null!; activity = null!;
        return false;
    }

    /// <summary>The activities an outcome port leads to.</summary>
    public IReadOnlyList<string> Targets(string activityId, string port) =>
        _outgoing.TryGetValue((activityId, port), out var targets) ? targets : [];
}
