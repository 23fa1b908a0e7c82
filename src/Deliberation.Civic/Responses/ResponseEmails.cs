using System.Globalization;
using System.Text;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Responses;

/// <summary>The emails of a matter to respond to: the task with its link to each person of a level, and the escalation's text.</summary>
public static class ResponseEmails
{
    /// <summary>What a level's task email and escalation say of the matter.</summary>
    /// <param name="CommunityName">E.g. 大龙社区.</param>
    /// <param name="Response">The matter.</param>
    /// <param name="CaseLabel">The case number and title, when it concerns a case.</param>
    public sealed record Matter(string CommunityName, TimedResponse Response, string? CaseLabel);

    /// <summary>The task to one person of a level, with the link where they mark it handled.</summary>
    /// <param name="to">The address.</param>
    /// <param name="name">The person's name.</param>
    /// <param name="matter">The matter.</param>
    /// <param name="escalation">Why it reached this level (which level missed it), or null at the first level.</param>
    /// <param name="nextLevel">The level it goes to when this one misses the deadline, or null at the top.</param>
    /// <param name="link">The signed link.</param>
    public static EmailMessage Task(string to, string? name, Matter matter, string? escalation, string? nextLevel, string link)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var response = matter.Response;
        var due = BeijingTime.FormatChinese(response.DueAt);
        var body = new StringBuilder()
            .Append(Letters.Greeting(name)).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"{matter.CommunityName}收到以下问题，请您在{due}（北京时间）前处理到位：\n\n")
            .Append(Details(matter));
        if (escalation is not null) body.Append('\n').Append(escalation).Append('\n');
        body.Append("\n处理到位后，请打开下面的链接，简要写明处理情况并提交（提交即表示已处理到位）：\n\n")
            .Append(link).Append("\n\n")
            .Append(nextLevel is null
                ? "逾期仍未处理的，将列入社区工作台的上报事项，由社区工作人员协调。\n"
                : $"逾期未处理的，将升级至{nextLevel}处理。\n")
            .Append("打开链接不会记录任何内容，提交表单后才记录。此链接只供您本人使用，请勿转发。\n\n")
            .Append(Letters.Signature).Append('\n');
        var subject = escalation is null ? $"【限时响应】请于{due}前处理到位：{response.Subject}" : $"【限时响应·已升级】请于{due}前处理到位：{response.Subject}";
        return new EmailMessage([to], subject, body.ToString()) { LinkLabels = Letters.Buttons((link, "已处理到位")) };
    }

    /// <summary>The task's description on its answer page.</summary>
    public static string TaskDescription(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return $"{Details(matter)}\n请在{BeijingTime.FormatChinese(matter.Response.DueAt)}（北京时间）前处理到位。处理后请简要写明处理情况并提交，提交即表示已处理到位。";
    }

    /// <summary>The escalation's subject: 网格员未在4小时内处理：{subject}.</summary>
    public static string EscalationSubject(string missedLevel, TimedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var subject = $"{missedLevel}未在{ResponseTimes.Chinese(response.Deadline())}内处理：{response.Subject}";
        return subject.Length <= Escalations.EscalationRules.MaxSubjectLength ? subject : subject[..Escalations.EscalationRules.MaxSubjectLength];
    }

    /// <summary>
    /// The escalation's text (and the line the next level's email carries): who missed the deadline, whom it went to, and
    /// the new deadline.
    /// </summary>
    public static string EscalationLine(string missedLevel, string missedPeople, DateTimeOffset missedDue, string nextLevel, string nextPeople, DateTimeOffset nextDue) =>
        $"{missedLevel}（{missedPeople}）未在{BeijingTime.FormatChinese(missedDue)}（北京时间）前处理到位，已升级至{nextLevel}（{nextPeople}），"
        + $"新的处理期限为{BeijingTime.FormatChinese(nextDue)}（北京时间）。";

    /// <summary>The escalation's body: the matter, then <paramref name="line"/>.</summary>
    public static string EscalationBody(Matter matter, string line) => $"{Details(matter)}\n{line}";

    private static string Details(Matter matter)
    {
        var response = matter.Response;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"事项：{response.Subject}\n");
        if (!string.IsNullOrWhiteSpace(response.Description)) text.Append(CultureInfo.InvariantCulture, $"情况：{response.Description.Trim()}\n");
        if (matter.CaseLabel is { Length: > 0 } label) text.Append(CultureInfo.InvariantCulture, $"议题：{label}\n");
        text.Append(CultureInfo.InvariantCulture, $"报告时间：{BeijingTime.FormatChinese(response.ReportedAt)}（北京时间）\n")
            .Append(CultureInfo.InvariantCulture, $"处理时限：{DeadlineClasses.NameOf(response.DeadlineClass).ZhCN}，每级 {ResponseTimes.Chinese(response.Deadline())}\n");
        return text.ToString();
    }
}
