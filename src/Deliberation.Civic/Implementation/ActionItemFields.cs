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
    public static readonly FieldMessage FundingAmount = new("funding-amount",
        "An amount of yuan above 0 and up to {max}, with at most two decimals.", "金额须大于 0、不超过 {max} 元，最多两位小数。");
    public static readonly FieldMessage FundingSum = new("funding-sum",
        "The sources add up to {total} yuan, not the budget of {budget} yuan.", "各项资金来源合计 {total} 元，与预算 {budget} 元不符。");
    public static readonly FieldMessage FundingTwice = new("funding-twice",
        "This source is listed twice; give its amount once.", "这项资金来源重复了，请合并为一项。");
    public static readonly FieldMessage FundingTooMany = new("funding-too-many",
        "At most {max} sources.", "资金来源最多 {max} 项。");
    public static readonly FieldMessage PhotoIdNotAllowed = new("photo-id-not-allowed", "Leave out photoId.", "请不要填写 photoId。");
    public static readonly FieldMessage ProgressRequired = new("progress-required",
        "Give percent (a whole number 0–100) or done: true, and optionally comment.", "请填写完成百分比（0–100 的整数）或勾选已完成，可附说明。");
    public static readonly FieldMessage PhotoByForm = new("photo-by-form", "Send the photo with the answer page's form.", "请通过答复页面的表单上传照片。");
    public static readonly FieldMessage WindowPositive = new("window-positive", "Longer than zero, e.g. 7d.", "须大于零，例如 7d。");
#pragma warning restore CS1591
}
