using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Starts every named branch at once; a Join later waits for all or any of them.</summary>
public sealed class ForkActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "Fork", 1, new("并行分支", "Fork"), Categories.Flow,
        [new("branches", InputType.Json, new("分支名称", "Branches"), true, UiHint.PortList)
        {
            Description = new("分支端口名称列表，例如 [\"等待回复\", \"提醒\"]", "Branch port names, e.g. [\"answer\", \"remind\"]"),
            Syntaxes = [Expression.Literal],
        }],
        [])
    { DynamicOutcomesInput = "branches" };

    /// <summary>Reads the branch names of a Fork node.</summary>
    public static IEnumerable<string> ReadBranches(JsonNode? branches) =>
        branches is JsonArray array
            ? array.Select(JsonValues.AsText).OfType<string>().Where(s => s.Length > 0)
            : [];

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(new ActivityResult.Forked(ReadBranches(context.GetInput("branches")).Distinct().ToList()));
}
