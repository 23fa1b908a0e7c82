using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Needs;

/// <summary>Why 查询需求清单 could not run, in both languages: each becomes an incident of the activity, told by code.</summary>
public static class ListNeedsFaults
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage Status = new("list-needs-status",
        "Status '{value}' of activity '{activity}' is unknown: expected one of {statuses}.",
        "活动“{activity}”的状态“{value}”无效，可选：{statuses}。");
    public static readonly FieldMessage Kind = new("list-needs-kind",
        "Kind '{value}' of activity '{activity}' is unknown: expected one of {kinds}, or nothing for both.",
        "活动“{activity}”的类别“{value}”无效，可选：{kinds}，留空为全部。");
    public static readonly FieldMessage Limit = new("list-needs-limit",
        "The number of needs of activity '{activity}' must be a whole number from 1 to {max}.",
        "活动“{activity}”的列出条数须为 1–{max} 的整数。");
    public static readonly FieldMessage MatterUnknown = new("list-needs-matter-unknown",
        "Activity '{activity}': '{value}' is no kind of matter of this community's catalogue (协商事项指导目录).",
        "活动“{activity}”：“{value}”不是本社区协商事项指导目录中的事项类别。");
#pragma warning restore CS1591
}
