using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Renders a named template (e.g. minutes) into a variable.</summary>
public sealed class RenderTemplateActivity(ITemplateRenderer renderer) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "RenderTemplate", 1, new("生成文书", "Render template"), Categories.Communication,
        [
            new("template", InputType.Text, new("模板", "Template"), true, UiHint.SingleLine)
                { Description = new("workflows/templates/ 下的文件名，例如 minutes.zh-CN.scriban", "A file under workflows/templates/, e.g. minutes.zh-CN.scriban") },
            new("model", InputType.Json, new("数据", "Model"), false, UiHint.Code),
            new("resultVariable", InputType.Text, new("保存到变量", "Store result in variable"), true, UiHint.VariablePicker)
                { Syntaxes = [Expression.Literal] },
        ],
        ["Done"]);

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = await renderer.RenderAsync(
            context.GetRequiredText("template"), context.GetInput("model"), context.ScriptModel, context.CancellationToken);
        context.SetVariable(context.GetRequiredText("resultVariable"), JsonValue.Create(text));
        return ActivityResult.Complete();
    }
}
