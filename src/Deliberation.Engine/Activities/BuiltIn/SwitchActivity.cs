using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Takes the port of the first case whose Scriban condition holds, or Default.</summary>
public sealed class SwitchActivity(IScriptEvaluator scripts) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "Switch", 1, new("多路分支", "Switch"), Categories.Flow,
        [new("cases", InputType.Json, new("分支条件", "Cases"), true, UiHint.PortList)
        {
            Description = new("按顺序判断的分支：[{\"port\": \"同意\", \"condition\": \"vars.votes > 3\"}]", "Cases checked in order: [{\"port\": \"approved\", \"condition\": \"vars.votes > 3\"}]"),
            Syntaxes = [Expression.Literal],
        }],
        ["Default"])
    { DynamicOutcomesInput = "cases" };

    /// <summary>Reads the cases of a Switch node: (port, condition) pairs; malformed entries are skipped.</summary>
    public static IEnumerable<(string Port, string Condition)> ReadCases(JsonNode? cases)
    {
        if (cases is not JsonArray array) yield break;
        foreach (var entry in array)
        {
            if (entry is JsonObject o && JsonValues.AsText(o["port"]) is { Length: > 0 } port)
                yield return (port, JsonValues.AsText(o["condition"]) ?? "");
        }
    }

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var model = context.ScriptModel;
        foreach (var (port, condition) in ReadCases(context.GetInput("cases")))
        {
            if (JsonValues.IsTruthy(scripts.Evaluate(condition, ScriptMode.Expression, model)))
                return new(ActivityResult.Complete(port));
        }
        return new(ActivityResult.Complete("Default"));
    }
}
