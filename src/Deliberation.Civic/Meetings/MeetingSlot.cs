namespace Deliberation.Civic.Meetings;

/// <summary>A candidate time for a meeting.</summary>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends.</param>
public sealed record MeetingSlot(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The option value in the time poll: <c>slot-1</c>, <c>slot-2</c>, …</summary>
    public static string OptionValue(int index) => $"slot-{index + 1}";

    /// <summary>How the slot reads in Chinese, e.g. 2026年12月1日 19:00–21:00.</summary>
    public string ToChinese()
    {
        var start = BeijingTime.ToBeijing(Start);
        var end = BeijingTime.ToBeijing(End);
        var startText = BeijingTime.FormatChinese(Start);
        return start.Date == end.Date
            ? $"{startText}–{end:HH\\:mm}"
            : $"{startText} – {BeijingTime.FormatChinese(End)}";
    }
}
