using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Where an instance begins; the workflow's inputs are available to every activity after it.</summary>
public sealed class StartActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "Start", 1, new("开始", "Start"), Categories.Flow, [], ["Done"])
    { Description = new("流程从这里开始；启动时填写的流程输入在后续各步可用。", "The instance begins here; the workflow inputs are available to every later activity.") };

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.Complete());
}
