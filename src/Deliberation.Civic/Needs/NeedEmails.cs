using System.Globalization;
using System.Text;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Needs;

/// <summary>
/// The Chinese emails of the 三单 process: the need published to each candidate with their claim link, the claimant's
/// progress link, the reminder when it is overdue, and the requester's confirmation (回访). Plain text with the bare link.
/// </summary>
public static class NeedEmails
{
    /// <summary>The need offered to a candidate, with their claim link.</summary>
    public static EmailMessage Offer(string to, string name, string? organisation, Need need, DateTimeOffset claimClosesAt, TimeSpan dueAfter, string link)
    {
        ArgumentNullException.ThrowIfNull(need);
        var who = organisation is null ? "您" : $"贵单位（{organisation}）";
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"社区发布了一项居民需求（{NeedKinds.ChineseName(need.Kind)}），欢迎{who}认领：\n\n")
            .Append(Details(need))
            .Append(CultureInfo.InvariantCulture, $"\n认领后请在{Durations(dueAfter)}内完成（以认领时间起算），并通过链接汇报进展。")
            .Append("先认领者负责办理；已被他人认领的，链接会告诉您由谁认领。\n\n")
            .Append(link).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"认领截止：{BeijingTime.FormatChinese(claimClosesAt)}（北京时间）。打开链接不会记录任何内容，提交后才算认领。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"需求认领：{need.Title}", body.ToString()) { LinkLabels = Letters.Buttons((link, "我来认领")) };
    }

    /// <summary>To the claimant: the need is theirs, due by its date; their progress link.</summary>
    public static EmailMessage Claimed(string to, string name, Need need, string link)
    {
        ArgumentNullException.ThrowIfNull(need);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"感谢认领！以下需求由{need.ClaimantName}负责办理")
            .Append(need.DueAt is { } due ? string.Create(CultureInfo.InvariantCulture, $"，请于{BeijingTime.FormatChinese(due)}（北京时间）前完成") : "")
            .Append("：\n\n")
            .Append(Details(need))
            .Append("\n请通过下面的链接随时汇报进展（完成百分比、情况说明，可附照片）；办完后请勾选“已完成”，社区将请提出需求的居民确认：\n\n")
            .Append(link).Append("\n\n")
            .Append("此链接只供您本人使用，请勿转发。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"已认领，请按期完成：{need.Title}", body.ToString()) { LinkLabels = Letters.Buttons((link, "汇报进展")) };
    }

    /// <summary>To the claimant when the due date has passed and it is not done, with the same progress link.</summary>
    public static EmailMessage Overdue(string to, string name, Need need, string link)
    {
        ArgumentNullException.ThrowIfNull(need);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"{need.ClaimantName}认领的需求“{need.Title}”已超过完成期限")
            .Append(need.DueAt is { } due ? string.Create(CultureInfo.InvariantCulture, $"（{BeijingTime.FormatChinese(due)}）") : "")
            .Append(CultureInfo.InvariantCulture, $"，目前汇报的进度为 {need.Percent}%。社区工作人员已收到通知。\n\n")
            .Append("请尽快办理，并通过下面的链接汇报进展；办完后请勾选“已完成”：\n\n")
            .Append(link).Append("\n\n")
            .Append("如有困难，请联系社区居委会。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"已逾期：{need.Title}", body.ToString()) { LinkLabels = Letters.Buttons((link, "汇报进展")) };
    }

    /// <summary>To the requester: it is reported done; are they satisfied (回访)?</summary>
    public static EmailMessage Confirm(string to, string name, Need need, DateTimeOffset closesAt, string link)
    {
        ArgumentNullException.ThrowIfNull(need);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"您提出的需求“{need.Title}”，{need.ClaimantName}已报告办理完成")
            .Append(need.ProgressNote is { } note ? $"：{note}" : "。")
            .Append("\n\n请您确认办理结果：满意，或不满意并写下原因（社区会跟进）：\n\n")
            .Append(link).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"请在{BeijingTime.FormatChinese(closesAt)}（北京时间）前答复。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"回访：请确认“{need.Title}”的办理结果", body.ToString()) { LinkLabels = Letters.Buttons((link, "确认办理结果")) };
    }

    /// <summary>The need's title, kind, description and due date, one per line.</summary>
    public static string Details(Need need)
    {
        ArgumentNullException.ThrowIfNull(need);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"需求：{need.Title}\n")
            .Append(CultureInfo.InvariantCulture, $"类别：{NeedKinds.ChineseName(need.Kind)}\n");
        if (need.Description is { } description) text.Append(CultureInfo.InvariantCulture, $"说明：{description}\n");
        if (need.DueAt is { } due) text.Append(CultureInfo.InvariantCulture, $"完成期限：{BeijingTime.FormatChinese(due)}\n");
        return text.ToString();
    }

    /// <summary>A duration as people say it: 3天, 12小时, 1天6小时.</summary>
    public static string Durations(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Days}天"));
        if (span.Hours > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Hours}小时"));
        if (span.Minutes > 0 || parts.Count == 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Max(span.Minutes, 1)}分钟"));
        return string.Concat(parts);
    }
}
