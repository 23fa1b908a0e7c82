namespace Deliberation.Civic.Roster;

/// <summary>One reason a roster file is refused, in Simplified Chinese and English.</summary>
/// <param name="Line">
/// Where: for CSV the physical line where the record starts (the header is line 1, and a quoted field
/// spanning lines counts each of them); for .xlsx the worksheet row number. Null when the problem is
/// the whole file (too large, unreadable, no rows).
/// </param>
/// <param name="Column">The Chinese header of the column at fault (e.g. 邮箱), or null for the whole row or file.</param>
/// <param name="Code">A stable machine-readable code, e.g. <c>email-invalid</c>.</param>
/// <param name="MessageZh">The message in Simplified Chinese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record RosterProblem(int? Line, string? Column, string Code, string MessageZh, string MessageEn)
{
    /// <summary>The message in English when <paramref name="english"/> is set, otherwise in Chinese.</summary>
    public string Message(bool english) => english ? MessageEn : MessageZh;
}
