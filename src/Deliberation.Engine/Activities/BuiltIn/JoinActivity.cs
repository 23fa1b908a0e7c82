namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>
/// Waits for the branches started by the same Fork execution: all of them (branches that ended
/// elsewhere count as done), or any one — then the others are cancelled.
/// </summary>
public sealed class JoinActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "Join", 1, new("汇合", "Join"), Categories.Flow,
        [new("mode", InputType.Text, new("等待方式", "Mode"), false, UiHint.Dropdown)
        {
            Options = ["all", "any"],
            Default = "all",
            Description = new("all：等所有分支；any：任一分支到达即继续，并取消其余分支。", "all: wait for every branch; any: go on at the first and cancel the rest."),
        }],
        ["Done"]);

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(new ActivityResult.Joined(!string.Equals(context.GetText("mode"), "any", StringComparison.OrdinalIgnoreCase)));
}
