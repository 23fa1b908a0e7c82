using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Notices;

/// <summary>Why a comment on a notice is refused, in both languages.</summary>
public static class NoticeFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage Phone = new("notice-comment-phone",
        "A phone number has 7 to 20 digits (spaces and dashes allowed); leave it empty to stay anonymous.",
        "电话号码为 7–20 位数字（可含空格和短横线）；不想留电话可以不填。");
    public static readonly FieldMessage Action = new("notice-comment-action", "Expected publish, hide or answer.", "应为 publish（公开）、hide（隐藏）或 answer（答复）。");
#pragma warning restore CS1591
}
