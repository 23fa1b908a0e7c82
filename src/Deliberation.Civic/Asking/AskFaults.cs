using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Asking;

/// <summary>Why 征询参与者 could not run, in both languages: each becomes an incident of the activity, told by code.</summary>
public static class AskFaults
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage FormKind = new("ask-form-kind",
        "Form '{value}' of activity '{activity}' is unknown: expected one of {kinds}.",
        "活动“{activity}”的答复方式“{value}”无效，可选：{kinds}。");
    public static readonly FieldMessage Title = new("ask-title",
        "The question of activity '{activity}' must be one line of 1–{max} characters without control characters.",
        "活动“{activity}”的问题须为一行文字（1–{max} 个字符，不含控制字符）。");
    public static readonly FieldMessage Text = new("ask-text",
        "The details of activity '{activity}' may have at most {max} characters, without control characters.",
        "活动“{activity}”的说明最多 {max} 个字符，且不能含控制字符。");
    public static readonly FieldMessage OptionsRequired = new("ask-options-required",
        "Form '{kind}' of activity '{activity}' needs {min}–{max} options, one per line.",
        "活动“{activity}”的答复方式（{kind}）需要 {min}–{max} 个选项，每行一个。");
    public static readonly FieldMessage OptionInvalid = new("ask-option-invalid",
        "Option '{value}' of activity '{activity}' is empty, twice, longer than {max} characters or holds control characters.",
        "活动“{activity}”的选项“{value}”无效：不能为空、不能重复、最多 {max} 个字符，且不能含控制字符。");
    public static readonly FieldMessage TimeOption = new("ask-time-option",
        "Option '{value}' of activity '{activity}' is not a date and time in the future, such as 2026-12-01T18:00+08:00.",
        "活动“{activity}”的候选时间“{value}”无效，应为将来的日期时间，如 2026-12-01T18:00+08:00。");
    public static readonly FieldMessage Quorum = new("ask-quorum",
        "Quorum '{value}' of activity '{activity}' is not a count such as 5, nor a share such as 2/3, 0.6 or 60%.",
        "活动“{activity}”的法定答复数“{value}”无效，应为人数（如 5）或比例（如 2/3、0.6、60%）。");
    public static readonly FieldMessage Deadline = new("ask-deadline",
        "The deadline of activity '{activity}' must be at most a year (0 for none).",
        "活动“{activity}”的答复期限不能为负数，也不能超过一年（填 0 表示不设期限）。");
    public static readonly FieldMessage Reminders = new("ask-reminders",
        "Activity '{activity}': the reminder interval must be at least an hour, and at most {max} reminders.",
        "活动“{activity}”的提醒间隔须至少 1 小时，提醒次数最多 {max} 次。");
#pragma warning restore CS1591
}
