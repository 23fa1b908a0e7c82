using System.Globalization;
using System.Text;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// The Chinese emails of step 5 (推动落实) to the people who carry out and report on action items, and to the
/// representatives asked in the follow-up (回访). Plain text with the bare link: residents read them on phones.
/// </summary>
public static class ImplementationEmails
{
    /// <summary>The email handing an action item to the person who reports on it, with their progress link.</summary>
    /// <param name="to">The person's address.</param>
    /// <param name="name">The person's name.</param>
    /// <param name="caseLabel">The case as residents know it, e.g. DALONG-2026-001 东苑电梯经常停运.</param>
    /// <param name="item">The action item.</param>
    /// <param name="link">The signed progress link.</param>
    /// <param name="funding">The item's funding by source (<see cref="ItemFunding"/>), if any.</param>
    public static EmailMessage Assignment(string to, string name, string caseLabel, ActionItem item, string link, string? funding = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"根据“{caseLabel}”的协商决议，以下任务由{item.ResponsibleParty}负责落实，请您汇报进展：\n\n")
            .Append(Details(item, funding))
            .Append("\n请通过下面的链接随时汇报进展（完成百分比、情况说明，可附照片）；全部完成后请勾选“已完成”：\n\n")
            .Append(link).Append("\n\n")
            .Append("到期前我们会再提醒一次；逾期未完成的，社区居委会将跟进处理。\n")
            .Append("打开链接不会记录任何内容，提交表单后才记录。此链接只供您本人使用，请勿转发。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"请落实并汇报进展：{item.Title}", body.ToString()) { LinkLabels = Letters.Buttons((link, "汇报进展")) };
    }

    /// <summary>The reminder before the due date, with the same link.</summary>
    public static EmailMessage Reminder(string to, string name, string caseLabel, ActionItem item, string link, string? funding = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"“{caseLabel}”中由{item.ResponsibleParty}负责的任务将于{BeijingTime.FormatChinese(item.DueAt)}（北京时间）到期，")
            .Append(CultureInfo.InvariantCulture, $"目前汇报的进度为 {item.Percent}%。\n\n")
            .Append(Details(item, funding))
            .Append("\n请通过下面的链接汇报最新进展；已完成的请勾选“已完成”：\n\n")
            .Append(link).Append("\n\n")
            .Append("如有困难，请尽早联系社区居委会。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"提醒：任务将于{BeijingTime.FormatChinese(item.DueAt)}到期——{item.Title}", body.ToString()) { LinkLabels = Letters.Buttons((link, "汇报进展")) };
    }

    /// <summary>The follow-up question (回访) to a representative of an affected group.</summary>
    /// <param name="to">The representative's address.</param>
    /// <param name="name">The representative's name.</param>
    /// <param name="caseLabel">The case.</param>
    /// <param name="done">What was done: one line per action item.</param>
    /// <param name="closesAt">Until when the answer can be given or changed.</param>
    /// <param name="link">The signed answer link.</param>
    public static EmailMessage FollowUp(string to, string name, string caseLabel, IReadOnlyList<string> done, DateTimeOffset closesAt, string link)
    {
        ArgumentNullException.ThrowIfNull(done);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"您作为利益代表参与协商的“{caseLabel}”，各方任务已全部落实：\n\n");
        foreach (var line in done) body.Append("· ").Append(line).Append('\n');
        body.Append("\n请您代表居民评价落实效果（满意、基本满意或不满意），也可以写下意见：\n\n")
            .Append(link).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"请在{BeijingTime.FormatChinese(closesAt)}（北京时间）前答复，截止前可以修改。回访结果将随结案公示一并公布。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"回访：请评价“{caseLabel}”的落实效果", body.ToString()) { LinkLabels = Letters.Buttons((link, "评价落实效果")) };
    }

    /// <summary>One line about a done item, e.g. 物业公司:更换电梯控制柜(2026年12月3日 10:00 完成).</summary>
    public static string DoneLine(ActionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.DoneAt is { } at
            ? $"{item.ResponsibleParty}：{item.Title}（{BeijingTime.FormatChinese(at)} 完成）"
            : string.Create(CultureInfo.InvariantCulture, $"{item.ResponsibleParty}：{item.Title}（进度 {item.Percent}%）");
    }

    private static string Details(ActionItem item, string? funding)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"任务：{item.Title}\n")
            .Append(CultureInfo.InvariantCulture, $"责任方：{item.ResponsibleParty}\n")
            .Append(CultureInfo.InvariantCulture, $"完成期限：{BeijingTime.FormatChinese(item.DueAt)}（北京时间）\n");
        if (item.Budget is { } budget) text.Append($"预算：{Money.Yuan(budget)} 元\n");
        if ((funding ?? item.FundingSource) is { Length: > 0 } sources) text.Append(CultureInfo.InvariantCulture, $"资金来源：{sources}\n");
        return text.ToString();
    }
}
