using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>What can be wrong with an action item staff enter, in both languages.</summary>
public static class ActionItemFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage DueAtRequired = new("due-at-required",
        "Required: an ISO 8601 date and time, e.g. 2026-12-31T18:00:00+08:00.", "必填：ISO 8601 日期时间，例如 2026-12-31T18:00:00+08:00。");
    public static readonly FieldMessage DueAtInPast = new("due-at-in-past", "The due date must be in the future.", "完成期限须在将来。");
    public static readonly FieldMessage DueAtTooFar = new("due-at-too-far", "The due date must be within three years.", "完成期限须在三年之内。");
    public static readonly FieldMessage Budget = new("budget-yuan",
        "A number of yuan from 0 to {max}, with at most two decimals.", "以元为单位的金额，0 到 {max}，最多两位小数。");
    public static readonly FieldMessage PersonUnknown = new("person-unknown", "No such person in this community.", "本社区没有这个人。");
#pragma warning restore CS1591
}
