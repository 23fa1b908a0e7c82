using System.Text.Json.Nodes;
using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>
/// Runs the Body branch once per item, all in parallel, each with its own <c>item</c>, <c>index</c>
/// and bookmarks; takes Done when every branch has finished.
/// </summary>
public sealed class ForEachActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "ForEach", 1, new("逐项并行", "For each"), Categories.Flow,
        [new("items", InputType.Json, new("项目列表", "Items"), true, UiHint.Code)
            { Description = new("一个数组，例如 input.stakeholders；分支内用 item 和 index 访问当前项。", "An array, e.g. input.stakeholders; inside the branch use item and index.") }],
        ["Body", "Done"])
    { Waits = true };

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var items = context.GetInput("items") switch
        {
            JsonArray array => array.Select(i => i?.DeepClone()).ToList(),
            null => [],
            var single => throw ActivityFaults.InputNotArray.Fault(("input", "items"), ("activity", context.Node.Id), ("kind", single.GetValueKind())),
        };
        return new(new ActivityResult.Iterated(items));
    }
}
