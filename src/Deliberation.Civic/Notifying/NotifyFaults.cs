using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Notifying;

/// <summary>Why 通知 could not run, in both languages: each becomes an incident of the activity, told by code.</summary>
public static class NotifyFaults
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage Subject = new("notify-subject",
        "The subject of activity '{activity}' must be one line of 1–{max} characters without control characters.",
        "活动“{activity}”的邮件主题须为一行文字（1–{max} 个字符，不含控制字符）。");
    public static readonly FieldMessage Body = new("notify-body",
        "The body of activity '{activity}' must have 1–{max} characters, without control characters.",
        "活动“{activity}”的邮件正文须为 1–{max} 个字符，且不能含控制字符。");
    public static readonly FieldMessage MinutesMissing = new("notify-minutes-missing",
        "Activity '{activity}': no minutes were filed for {value} in this community.",
        "活动“{activity}”：本社区没有编号为 {value} 的已归档会议纪要，无法作为附件。");
#pragma warning restore CS1591
}
