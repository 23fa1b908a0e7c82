using System.Globalization;
using System.Text;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Replies;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Asking;

/// <summary>
/// The Chinese emails of 征询参与者: the question with its link, the reminder to those who have not answered, and the
/// notice to a building head about residents without email, whom the head asks and answers for. Plain text with the bare
/// link: residents read them on phones.
/// </summary>
public static class AskEmails
{
    /// <summary>The question, with the person's signed link.</summary>
    /// <param name="to">The address.</param>
    /// <param name="name">The person's name, for the greeting.</param>
    /// <param name="question">The question and its form.</param>
    /// <param name="link">The signed answer link.</param>
    /// <param name="reply">The signed reply address and its lines, when the question can be answered by reply.</param>
    public static EmailMessage Question(string to, string name, AskQuestion question, string link, ReplyInvite? reply)
    {
        ArgumentNullException.ThrowIfNull(question);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append("社区居委会就以下事项征询您的意见：\n\n")
            .Append(Details(question))
            .Append("\n请打开下面的链接答复：\n\n")
            .Append(link).Append("\n\n")
            .Append(reply is null ? "" : reply.Lines + "\n")
            .Append(Until(question))
            .Append("打开链接不会记录任何内容，提交后才记录。此链接只供您本人使用，请勿转发。\n")
            .Append("如不便上网，可以请楼长代为答复。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"【征询】{question.Title}", body.ToString()) { LinkLabels = Letters.Buttons((link, "答复")), ReplyTo = reply?.Address };
    }

    /// <summary>The reminder to someone who has not answered yet, with their link.</summary>
    public static EmailMessage Reminder(string to, string name, AskQuestion question, string link, ReplyInvite? reply)
    {
        ArgumentNullException.ThrowIfNull(question);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append("您还没有答复以下征询，请抽空答复：\n\n")
            .Append(Details(question))
            .Append('\n').Append(link).Append("\n\n")
            .Append(reply is null ? "" : reply.Lines + "\n")
            .Append(Until(question))
            .Append("已经答复的请忽略本邮件。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"提醒：请答复“{question.Title}”", body.ToString())
            { LinkLabels = Letters.Buttons((link, "答复")), ReplyTo = reply?.Address };
    }

    /// <summary>
    /// The notice to a building head: these residents of their building have no email; the head asks them (a visit, a
    /// call, a paper form) and enters each answer on their behalf in the staff pages (代填答复).
    /// </summary>
    /// <param name="to">The head's address.</param>
    /// <param name="headName">The head's name.</param>
    /// <param name="question">The question.</param>
    /// <param name="residents">The residents without email, as the head knows them (name and home).</param>
    /// <param name="proxyPage">The staff page where answers are entered on someone's behalf.</param>
    /// <param name="reminder">Whether this is a reminder (the residents named have still not answered).</param>
    public static EmailMessage ProxyNotice(string to, string headName, AskQuestion question, IReadOnlyList<string> residents, string proxyPage, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(residents);
        var body = new StringBuilder()
            .Append(BuildingHeads.Greeting(headName))
            .Append(reminder ? "以下居民还没有答复这项征询，他们没有登记邮箱，请您尽快代为征询：\n\n" : "社区居委会正在征询以下事项。您楼栋的这些居民没有登记邮箱，请您上门、电话或用纸质表格征询他们的意见：\n\n");
        foreach (var resident in residents) body.Append("· ").Append(resident).Append('\n');
        body.Append('\n').Append(Details(question))
            .Append("\n问到答复后，请登录社区议事系统，在“代填答复”页面为他们填写（记录为楼长代填）：\n\n")
            .Append(proxyPage).Append("\n\n")
            .Append(Until(question))
            .Append("居民本人已答复的，以本人的答复为准。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], $"{(reminder ? "提醒：" : "")}【代为征询】{question.Title}", body.ToString())
            { LinkLabels = Letters.Buttons((proxyPage, "代填答复")) };
    }

    private static string Details(AskQuestion question)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"事项：{question.Title}\n");
        if (question.Text is { Length: > 0 } details) text.Append(details).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"答复方式：{How(question)}\n");
        return text.ToString();
    }

    private static string How(AskQuestion question) => question.Kind switch
    {
        AskFormKinds.FreeText => "请写下您的意见",
        AskFormKinds.Rating => "请打分（1–5 分）",
        AskFormKinds.ProgressPhoto => "请打开链接填写完成进度（百分比，或勾选已完成）和情况说明，可附一张现场照片",
        AskFormKinds.MultipleChoice => "可多选：" + string.Join("、", question.Options.Select(o => o.Label)),
        AskFormKinds.TimePoll => "请勾选您能参加的所有时间（北京时间）：" + string.Join("、", question.Options.Select(o => o.Label)),
        _ => "请选择一项：" + string.Join("、", question.Options.Select(o => o.Label)),
    };

    private static string Until(AskQuestion question) => question.ClosesAt is { } closes
        ? $"请在{BeijingTime.FormatChinese(closes)}（北京时间）前答复，截止前可以修改答复。\n"
        : "征询结束前可以修改答复。\n";
}
