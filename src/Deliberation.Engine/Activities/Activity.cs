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

    /// <summary>
    /// Called in the step that cancels a suspended execution — a Join that goes on without its branch, an End elsewhere, the
    /// instance cancelled — with the execution's state, so that the activity closes what it opened outside the instance
    /// (e.g. the open tasks of a question nobody waits for any more). Its domain work joins the step's unit of work.
    /// Nothing by default.
    /// </summary>
    public virtual ValueTask CancelAsync(ActivityContext context) => ValueTask.CompletedTask;
}
