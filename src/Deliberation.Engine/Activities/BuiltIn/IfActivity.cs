using Deliberation.Engine.Expressions;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Takes the True or the False port depending on a Scriban condition.</summary>
public sealed class IfActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "If", 1, new("条件判断", "If"), Categories.Flow,
        [new("condition", InputType.Boolean, new("条件", "Condition"), true, UiHint.Code)
            { Description = new("Scriban 表达式，例如 vars.answer == \"yes\"", "A Scriban expression, e.g. vars.answer == \"yes\"") }],
        ["True", "False"]);

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.Complete(context.GetBoolean("condition") ? "True" : "False"));
}
