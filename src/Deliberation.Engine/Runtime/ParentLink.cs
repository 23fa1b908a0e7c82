namespace Deliberation.Engine.Runtime;

/// <summary>
/// Where a child instance was started from: the parent instance and the <c>RunWorkflow</c> execution that waits for it.
/// Kept in the child's state, so that the step that ends or faults the child tells the parent in its own transaction.
/// </summary>
public sealed class ParentLink
{
    /// <summary>The parent instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The parent's activity that started the child.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>That activity's execution.</summary>
    public string ExecutionId { get; set; } = "";

    /// <summary>How deep the child is: 1 for a child of a top-level instance, 2 for a grandchild, and so on.</summary>
    public int Depth { get; set; }
}
