namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Ends the instance, cancelling whatever else still waits.</summary>
public sealed class EndActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "End", 1, new("结束", "End"), Categories.Flow, [], [])
    { Description = new("结束整个流程，取消仍在等待的其他分支。", "Ends the instance and cancels any branch still waiting.") };

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(new ActivityResult.Ended());
}
