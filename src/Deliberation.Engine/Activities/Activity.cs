namespace Deliberation.Engine.Activities;

/// <summary>
/// An activity type. Implementations are small sealed classes with a fixed descriptor; one
/// instance serves every execution, so keep per-execution data in <see cref="ActivityContext.State"/>.
/// </summary>
public abstract class Activity
{
    /// <summary>The type's descriptor (name, version, inputs, outcomes).</summary>
    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>Runs the activity when a connection schedules it.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues a suspended execution when one of its bookmarks is resumed.</summary>
    /// <exception cref="InvalidOperationException">The activity never suspends.</exception>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume) =>
        throw new InvalidOperationException($"Activity type '{Descriptor.Type}' does not suspend, so it cannot be resumed.");
}
