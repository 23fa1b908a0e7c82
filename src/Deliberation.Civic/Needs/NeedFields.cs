using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Needs;

/// <summary>Why a need, or a step of the 三单 process, was refused, in both languages.</summary>
public static class NeedFields
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage Kind = new("need-kind", "Expected urgent (急需解决) or long-term (长期解决).", "类别应为“急需解决”(urgent)或“长期解决”(long-term)。");
    public static readonly FieldMessage Status = new("need-status", "Expected one of: {statuses}.", "状态应为以下之一：{statuses}。");
    public static readonly FieldMessage DueInPast = new("need-due-in-past", "The due date has passed; give a later one.", "完成期限已过，请填写以后的时间。");
    public static readonly FieldMessage ComplaintUsed = new("need-complaint-used",
        "The complaint feeds a need of the list already.", "这个问题已列入需求清单。");

    // Incidents of the Publish and claim step.
    public static readonly FieldMessage StepNeedMissing = new("step-need-missing",
        "The need this step names is not on this community's list.", "本社区的需求清单中没有这项需求。");
    public static readonly FieldMessage StepNeedNotOpen = new("step-need-not-open",
        "The need is {status}, not open: only an open need can be published for claiming.", "该需求当前状态为“{status}”，只有待发布的需求才能发布认领。");
    public static readonly FieldMessage StepNoCandidates = new("step-need-no-candidates",
        "Nobody can be asked to claim the need: name organisations (by kind or id) whose representative is linked to the roster with an email, or people with an email.",
        "没有可以认领的对象：请指定组织类别或组织（其代表须已关联居民名册并有邮箱），或有邮箱的人员（如下沉党员）。");
    public static readonly FieldMessage StepDuration = new("step-need-duration",
        "Input '{input}' of activity '{activity}' must be a positive duration, e.g. 3d.", "活动“{activity}”的“{input}”须为正的时长，例如 3d。");
    public static readonly FieldMessage StepAudience = new("step-need-audience",
        "Input '{input}' of activity '{activity}' must be a list: a JSON array of texts (ids must be ids), or texts separated by commas.",
        "活动“{activity}”的“{input}”须为列表：文本的 JSON 数组（id 须为有效的 id），或用逗号分隔的文本。");
#pragma warning restore CS1591
}
