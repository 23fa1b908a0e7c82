using Deliberation.Engine.Runtime;

namespace Deliberation.Engine.Activities;

/// <summary>Why an activity of any kind could not run: the engine's incident messages, in both languages.</summary>
public static class ActivityFaults
{
    /// <summary>The definition gives an input the activity type does not have.</summary>
    public static readonly FieldMessage UnknownInput = new("activity-unknown-input",
        "Activity type '{type}' has no input '{input}'.", "活动类型 {type} 没有输入项“{input}”，请在流程设计中删除该项。");

    /// <summary>A step ran more activities than the runtime's step budget (<see cref="Runtime.WorkflowRuntime.DefaultMaxActivitiesPerStep"/> by default) without waiting: a loop with no wait in it.</summary>
    public static readonly FieldMessage StepBudget = new("step-budget",
        "The step ran {max} activities without waiting (a loop with no wait?); it stopped at activity '{activity}'.",
        "这一步连续执行了 {max} 个活动而没有等待（可能是没有等待的循环），已在活动“{activity}”处停下，请在流程设计中检查该循环后重试。");

    /// <summary>A value larger than a variable may hold.</summary>
    public static readonly FieldMessage ValueTooLarge = new("value-too-large",
        "Activity '{activity}' would store {size} characters in variable '{variable}'; a variable holds at most {max}.",
        "活动“{activity}”要在变量“{variable}”中保存 {size} 个字符，超过上限 {max}，请检查流程中的表达式。");

    /// <summary>Variables larger together than an instance may hold.</summary>
    public static readonly FieldMessage VariablesTooLarge = new("variables-too-large",
        "Activity '{activity}' would make the instance's variables larger than {max} characters (setting '{variable}').",
        "活动“{activity}”设置变量“{variable}”后，流程变量总量将超过上限 {max} 个字符，请检查流程中的表达式。");

    /// <summary>A required input is empty.</summary>
    public static readonly FieldMessage InputEmpty = new("activity-input-empty",
        "Input '{input}' of activity '{activity}' evaluated to an empty value.", "活动“{activity}”的输入项“{input}”的值为空，请在流程设计中补上。");

    /// <summary>An input is not a duration.</summary>
    public static readonly FieldMessage InputNotDuration = new("activity-input-duration",
        "Input '{input}' of activity '{activity}' is not a duration: use PT24H, 24h, 30m or 1.00:00:00.",
        "活动“{activity}”的输入项“{input}”不是有效的时长，请写成 24h、30m 或 PT24H。");

    /// <summary>An input is not a date and time.</summary>
    public static readonly FieldMessage InputNotDateTime = new("activity-input-datetime",
        "Input '{input}' of activity '{activity}' is not an ISO 8601 date and time.", "活动“{activity}”的输入项“{input}”不是有效的日期时间。");

    /// <summary>An input is not an id.</summary>
    public static readonly FieldMessage InputNotId = new("activity-input-id",
        "Input '{input}' of activity '{activity}' is not an id.", "活动“{activity}”的输入项“{input}”不是有效的编号。");

    /// <summary>An input is not a list.</summary>
    public static readonly FieldMessage InputNotArray = new("activity-input-array",
        "Input '{input}' of activity '{activity}' must be an array, not {kind}.", "活动“{activity}”的输入项“{input}”应为列表（现为 {kind}）。");

    /// <summary>An email with nobody to send it to.</summary>
    public static readonly FieldMessage NoRecipient = new("activity-no-recipient",
        "Activity '{activity}' has no recipient.", "活动“{activity}”要发的邮件没有收件人。");

    /// <summary>A script in an input failed.</summary>
    public static readonly FieldMessage Script = new("activity-script",
        "Scriban error: {detail}", "流程中的脚本表达式出错：{detail}");

    /// <summary>A script in an input does not parse.</summary>
    public static readonly FieldMessage ScriptSyntax = new("activity-script-syntax",
        "Scriban syntax error: {detail}", "流程中的脚本表达式有语法错误：{detail}");

    /// <summary>A template name that is not a file of the templates folder.</summary>
    public static readonly FieldMessage TemplateName = new("template-name",
        "Template name '{name}' is not a plain file name under the templates folder.", "模板名称“{name}”无效：只能填写模板文件夹中的文件名。");

    /// <summary>A template that does not exist.</summary>
    public static readonly FieldMessage TemplateMissing = new("template-missing",
        "Template '{name}' does not exist.", "模板文件“{name}”不存在，请检查流程中填写的模板名称，或请管理员补上该模板。");

    /// <summary>A template that does not parse.</summary>
    public static readonly FieldMessage TemplateSyntax = new("template-syntax",
        "Template '{name}' has errors: {detail}", "模板“{name}”有语法错误：{detail}");

    /// <summary>A template that failed while rendering.</summary>
    public static readonly FieldMessage TemplateFailed = new("template-failed",
        "Template '{name}' failed: {detail}", "模板“{name}”生成内容时出错：{detail}");

    /// <summary>RunWorkflow names a workflow (or version) that is not published.</summary>
    public static readonly FieldMessage RunWorkflowUnknown = new("run-workflow-unknown",
        "Activity '{activity}' runs workflow '{definition}'{version}, which has no such published version.",
        "活动“{activity}”要运行的子流程“{definition}”{version}不存在或尚未发布，请先发布该流程，或在流程设计中改选已发布的流程。");

    /// <summary>RunWorkflow names another community's own workflow.</summary>
    public static readonly FieldMessage RunWorkflowOtherCommunity = new("run-workflow-other-community",
        "Activity '{activity}' runs workflow '{definition}', which belongs to another community; a child runs in its parent's community.",
        "活动“{activity}”要运行的子流程“{definition}”属于其他社区，不能在本社区运行；子流程只能使用本社区或共享的流程。");

    /// <summary>The child workflow refuses the inputs RunWorkflow passes.</summary>
    public static readonly FieldMessage RunWorkflowInputs = new("run-workflow-inputs",
        "Activity '{activity}' passes inputs that workflow '{definition}' refuses (missing, unknown or of the wrong type): {inputs}.",
        "活动“{activity}”传给子流程“{definition}”的输入有误（缺少、未声明或类型不符）：{inputs}。");

    /// <summary>An input of RunWorkflow's inputs object is not a Scriban expression that evaluates.</summary>
    public static readonly FieldMessage RunWorkflowInputsObject = new("run-workflow-inputs-object",
        "Input 'inputs' of activity '{activity}' must be a JSON object naming each input of the child with a Scriban expression, e.g. complaintId: input.complaintId.",
        "活动“{activity}”的“子流程输入”应为 JSON 对象，为子流程的每个输入写一个 Scriban 表达式，例如 complaintId: input.complaintId。");

    /// <summary>Children nested deeper than the runtime allows (a workflow that runs itself?).</summary>
    public static readonly FieldMessage RunWorkflowTooDeep = new("run-workflow-too-deep",
        "Activity '{activity}' would start a child {max} levels deep; a workflow that runs itself never ends.",
        "活动“{activity}”要启动的子流程已嵌套到第 {max} 层（可能是流程运行了它自己），已停止，请在流程设计中检查。");

    /// <summary>The child workflow has an open incident.</summary>
    public static readonly FieldMessage RunWorkflowChildFaulted = new("run-workflow-child-faulted",
        "Child workflow '{definition}' (instance {child}) stopped with an incident at activity '{childActivity}'. Open the child instance, resolve and retry its incident, then retry this one.",
        "子流程“{definition}”（实例 {child}）在活动“{childActivity}”出错停止。请打开该子流程实例查看原因、处理并重试，再重试这里。");

    /// <summary>The child workflow was cancelled.</summary>
    public static readonly FieldMessage RunWorkflowChildCancelled = new("run-workflow-child-cancelled",
        "Child workflow '{definition}' (instance {child}) was cancelled before it finished.",
        "子流程“{definition}”（实例 {child}）在完成前已被取消。");
}
