using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Sets a workflow variable to a value.</summary>
public sealed class SetVariableActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "SetVariable", 1, new("设置变量", "Set variable"), Categories.Data,
        [
            new("variable", InputType.Text, new("变量", "Variable"), true, UiHint.VariablePicker) { Syntaxes = [Expression.Literal] },
            new("value", InputType.Json, new("值", "Value"), true, UiHint.Code),
        ],
        ["Done"]);

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var value = context.GetInput("value");
        context.SetVariable(context.GetRequiredText("variable"), value);
        return new(ActivityResult.Complete("Done", value?.DeepClone()));
    }
}
