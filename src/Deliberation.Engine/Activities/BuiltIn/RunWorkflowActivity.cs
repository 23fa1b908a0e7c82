using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>
/// Runs another published workflow as a child and waits for it: the child starts in this step's unit of work (in the
/// parent's community, with its correlation id), gets the inputs given as Scriban expressions, and when it finishes the
/// parent goes on with the child's variables as this activity's output. The wait is a signal bookmark
/// (<see cref="ActivityContext.ChildEndedSignal"/>, correlated by the child's id) that the child's last step queues in its
/// own transaction, so it survives restarts like every other signal. A child that faults or is cancelled becomes an
/// incident of this activity; retrying it looks at the child again (finished by then, still faulted, or running once more).
/// </summary>
public sealed class RunWorkflowActivity(IScriptEvaluator scripts) : Activity
{
    /// <summary>The type name.</summary>
    public const string TypeName = "RunWorkflow";

    private const string ChildKey = "child";

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, 1, new("运行子流程", "Run workflow"), Categories.Flow,
        [
            new("definitionId", InputType.Text, new("子流程", "Workflow"), true, UiHint.WorkflowPicker)
            {
                Description = new("要运行的已发布流程，例如 sandan；子流程在本流程所在的社区运行（只能是共享流程或本社区的流程）。",
                    "The published workflow to run, e.g. sandan; it runs in this instance's community (a shared workflow or this community's own)."),
            },
            new("version", InputType.Number, new("版本", "Version"), false, UiHint.SingleLine)
                { Description = new("留空则运行最新发布的版本。", "Empty runs the newest published version.") },
            new("inputs", InputType.Json, new("子流程输入", "Inputs"), false, UiHint.Json)
            {
                Description = new("JSON 对象：子流程的每个输入写一个 Scriban 表达式，例如 {\"complaintId\": \"input.complaintId\", \"deadline\": \"'4h'\"}（文字要加引号）。",
                    "A JSON object: a Scriban expression for each input of the child, e.g. {\"complaintId\": \"input.complaintId\", \"deadline\": \"'4h'\"} (quote literal text)."),
                Syntaxes = [Expression.Literal],
            },
            new("resultVariable", InputType.Text, new("保存结果到变量", "Store result in variable"), false, UiHint.VariablePicker)
            {
                Description = new("可选。子流程结束时的全部变量（一个对象）保存到这个变量；也可用 output.<本活动编号>.variables 读取。",
                    "Optional. The child's variables when it finished (an object) are stored here; output.<this activity's id>.variables reads them too."),
                Syntaxes = [Expression.Literal],
            },
        ],
        ["Done"])
    {
        Description = new("启动另一个已发布的流程作为子流程并等待它结束，把输入传给它，结束后取回它的变量；子流程出错或被取消时，本活动记为待处理事件。",
            "Starts another published workflow as a child and waits for it to finish, passing inputs and taking back its variables; a child that faults or is cancelled becomes an incident here."),
        Waits = true,
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var definitionId = context.GetRequiredText("definitionId").Trim();
        var version = ReadVersion(context, definitionId);
        var input = EvaluateInputs(context);
        // Nothing below may throw once the child has started: its first step is part of this step's unit of work.
        var child = await context.StartChildWorkflowAsync(definitionId, version, input);
        context.State[ChildKey] = child.InstanceId.ToString();
        return child.Status == InstanceStatus.Finished ? Completed(context, child) : Wait(child.InstanceId);
    }

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume)
    {
        var childId = Guid.TryParse(JsonValues.AsText(context.State[ChildKey]), out var id) ? id
            : Guid.TryParse(JsonValues.AsText(resume.Payload?["instanceId"]), out var fromPayload) ? fromPayload
            : throw new InvalidOperationException($"Activity '{context.Node.Id}' lost the id of its child workflow.");
        context.State[ChildKey] = childId.ToString();
        // The signal only wakes the activity: where the child stands now decides (it may have been retried meanwhile).
        var child = await context.GetChildWorkflowAsync(childId)
            ?? throw new InvalidOperationException($"Child workflow instance {childId} of activity '{context.Node.Id}' is gone.");
        return child.Status switch
        {
            InstanceStatus.Finished => Completed(context, child),
            InstanceStatus.Cancelled => throw ActivityFaults.RunWorkflowChildCancelled.Fault(("definition", child.DefinitionId), ("child", child.InstanceId)),
            InstanceStatus.Faulted => throw ActivityFaults.RunWorkflowChildFaulted.Fault(("definition", child.DefinitionId), ("child", child.InstanceId),
                ("childActivity", JsonValues.AsText(resume.Payload?["activityId"]) ?? "?"), ("incident", JsonValues.AsText(resume.Payload?["incidentId"]))),
            _ => Wait(childId),
        };
    }

    /// <summary>Reads the inputs object of a RunWorkflow node: each child input's Scriban expression (or a plain JSON value); null when not an object.</summary>
    public static IReadOnlyList<(string Name, JsonNode? Value)>? ReadInputs(JsonNode? inputs) =>
        inputs switch
        {
            null => [],
            JsonObject o => o.Select(p => (p.Key, p.Value)).ToList(),
            _ => null,
        };

    /// <summary>The parent no longer waits (a Join went on, an End, the parent cancelled): the child is cancelled too.</summary>
    public override ValueTask CancelAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Guid.TryParse(JsonValues.AsText(context.State[ChildKey]), out var childId)) context.CancelChildWorkflow(childId);
        return ValueTask.CompletedTask;
    }

    private static ActivityResult Wait(Guid childId) =>
        ActivityResult.Suspend(BookmarkRequest.ForSignal(ActivityContext.ChildEndedSignal, "child", childId.ToString()));

    private static ActivityResult Completed(ActivityContext context, ChildWorkflow child)
    {
        var variables = new JsonObject();
        foreach (var (name, value) in child.Variables) variables[name] = value?.DeepClone();
        if (context.GetText("resultVariable") is { Length: > 0 } variable) context.SetVariable(variable, variables.DeepClone());
        return ActivityResult.Complete("Done", new JsonObject
        {
            ["instanceId"] = child.InstanceId.ToString(),
            ["definitionId"] = child.DefinitionId,
            ["version"] = child.DefinitionVersion,
            ["variables"] = variables,
        });
    }

    private static int? ReadVersion(ActivityContext context, string definitionId)
    {
        var given = context.GetInput("version");
        if (given is null || JsonValues.AsText(given) is not { Length: > 0 } text) return null;
        return JsonValues.AsNumber(given) is { } number && number >= 1 && number == Math.Floor(number) && number <= int.MaxValue
            ? (int)number
            : throw ActivityFaults.RunWorkflowUnknown.Fault(("activity", context.Node.Id), ("definition", definitionId), ("version", " v" + text));
    }

    private JsonObject EvaluateInputs(ActivityContext context)
    {
        var given = ReadInputs(context.GetInput("inputs")) ?? throw ActivityFaults.RunWorkflowInputsObject.Fault(("activity", context.Node.Id));
        var input = new JsonObject();
        if (given.Count == 0) return input;
        var model = context.ScriptModel;
        foreach (var (name, value) in given)
        {
            input[name] = value is JsonValue v && v.TryGetValue(out string? script)
                ? scripts.Evaluate(script, ScriptMode.Expression, model)
                : value?.DeepClone();
        }
        return input;
    }
}
