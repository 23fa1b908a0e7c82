using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Participation;

/// <summary>What can be wrong with a task (as an integration creates it) or with an answer entered for a person, in both languages.</summary>
public static class ParticipationFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage TaskData = new("task-data", "{detail}", "任务数据无效：{detail}");
    public static readonly FieldMessage DeadlineInPast = new("deadline-in-past", "The deadline must be in the future.", "截止时间须在将来。");
    public static readonly FieldMessage InstanceWithSignal = new("instance-with-signal",
        "instanceId and signalName go together: give both or neither.", "instanceId 和 signalName 须同时给出或同时不给。");
    public static readonly FieldMessage InstanceUnknown = new("instance-unknown", "No such workflow instance.", "没有这个流程实例。");
    public static readonly FieldMessage ChoiceRequired = new("answer-choice-required", "Choose an option.", "请选择一项。");
    public static readonly FieldMessage ChoiceUnknown = new("answer-choice-unknown", "Choose among: {options}.", "请从以下选项中选择：{options}。");
    public static readonly FieldMessage SingleChoiceOnly = new("answer-single-choice", "Only one option may be chosen (give \"choice\").", "只能选择一项。");
    public static readonly FieldMessage TooManyChoices = new("answer-too-many-choices", "At most {max} options may be chosen.", "最多可选 {max} 项。");
    public static readonly FieldMessage CommentRequired = new("answer-comment-required", "This task takes a written answer: give \"comment\".", "请填写文字答复。");
    public static readonly FieldMessage ReasonRequired = new("answer-reason-required", "This choice needs a reason: give \"comment\".", "选择此项须写明理由。");
    public static readonly FieldMessage CommentTooLong = new("answer-comment-too-long", "The comment may have at most {max} characters.", "说明最多 {max} 个字符。");
    public static readonly FieldMessage CommentCharacters = new("answer-comment-characters",
        "Remove the control characters or text-direction overrides from the comment.", "请删除说明中的控制字符或文字方向控制符。");
    public static readonly FieldMessage CommentNotAllowed = new("answer-comment-not-allowed", "This task takes no comment.", "此任务不需要填写说明。");
    public static readonly FieldMessage PercentRequired = new("answer-percent-required", "Give \"percent\" (0–100), or \"done\": true.", "请填写完成百分比（0–100），或标记为已完成。");
    public static readonly FieldMessage PercentOutOfRange = new("answer-percent-range", "\"percent\" must be a whole number from 0 to 100.", "完成百分比须为 0 到 100 的整数。");
    public static readonly FieldMessage ProgressShape = new("answer-progress-shape",
        "Expected percent (0–100), done (true or false) and an optional comment.", "应填写完成百分比（0–100）和是否完成，可附说明。");
    public static readonly FieldMessage ChoicesShape = new("answer-choices-shape",
        "Expected choices (a list of option values) and an optional comment.", "应选择一项或多项，可附说明。");
    public static readonly FieldMessage ChoiceShape = new("answer-choice-shape", "Expected choice (an option's value) and an optional comment.", "应选择一项，可附说明。");
#pragma warning restore CS1591
}
