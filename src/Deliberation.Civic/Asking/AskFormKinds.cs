using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Asking;

/// <summary>The forms 征询参与者 can ask with. Stable strings: definitions store them.</summary>
public static class AskFormKinds
{
    /// <summary>是 / 否 (values <c>yes</c>, <c>no</c>).</summary>
    public const string YesNo = "yes-no";

    /// <summary>One of the options given.</summary>
    public const string SingleChoice = "single-choice";

    /// <summary>Any of the options given.</summary>
    public const string MultipleChoice = "multiple-choice";

    /// <summary>参加 / 不参加 (values <c>yes</c>, <c>no</c>, as the meeting invitations record them).</summary>
    public const string Rsvp = "rsvp";

    /// <summary>A mark from 1 to 5 (values <c>1</c>–<c>5</c>).</summary>
    public const string Rating = "rating";

    /// <summary>A written answer.</summary>
    public const string FreeText = "free-text";

    /// <summary>The times that suit, of the candidate times given (any of them).</summary>
    public const string TimePoll = "time-poll";

    /// <summary>
    /// 进展与照片: a progress report — a percentage 0–100 or done, a note and an optional photo taken on the answer page
    /// (answers <c>{ percent, done, comment }</c>; the photo is kept with the answer).
    /// </summary>
    public const string ProgressPhoto = "progress-photo";

    /// <summary>Every form, in the order the designer lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [YesNo, SingleChoice, MultipleChoice, Rsvp, Rating, FreeText, TimePoll, ProgressPhoto];

    /// <summary>What the designer's dropdown shows for each of <see cref="All"/>.</summary>
    public static IReadOnlyList<LocalizedText> Labels { get; } =
    [
        new("是/否", "Yes / no"),
        new("单选", "Single choice"),
        new("多选", "Multiple choice"),
        new("是否参加（回执）", "RSVP"),
        new("评分（1–5 分）", "Rating (1–5)"),
        new("文字答复", "Free text"),
        new("时间征询（可多选）", "Time poll"),
        new("进展与照片", "Progress with photo"),
    ];

    /// <summary>Whether the kind is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
