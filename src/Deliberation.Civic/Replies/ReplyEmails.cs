using System.Globalization;
using System.Text;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Replies;

/// <summary>
/// The Chinese emails of answering by reply: the lines a task's email adds to invite a reply, and the answers to a reply —
/// the confirmation of what was recorded, the options again when the reply was unclear, and 已截止 when the task had
/// closed. Each goes to the person's address on the roster (not to whoever sent the reply), threads under the reply and
/// is marked as automatic, so that an auto-responder does not answer it back.
/// </summary>
public static class ReplyEmails
{
    /// <summary>The lines a task's email adds when it can be answered by reply: the numbered options and the token.</summary>
    /// <param name="form">The task's form.</param>
    /// <param name="token">The task's reply token (<see cref="ReplyAddresses.Token"/>), named again in the footer for a reply sent to the sender's address.</param>
    public static string Invitation(TaskForm form, string token)
    {
        ArgumentNullException.ThrowIfNull(form);
        var text = new StringBuilder();
        if (form.Options.Count == 0)
            text.Append("也可以直接回复本邮件，写下您的意见即可。\n");
        else
        {
            text.Append(form.Multiple
                ? "也可以直接回复本邮件，写上您选的选项编号（可写多个，用空格或顿号隔开，如“1 3”）：\n"
                : "也可以直接回复本邮件，只写您选的选项编号或文字（如“1”）：\n");
            text.Append(Numbered(form));
        }
        return text.Append(CultureInfo.InvariantCulture, $"（回复编号：{token}，回复时请保留本邮件的回复地址）\n").ToString();
    }

    /// <summary>The confirmation of an answer recorded from a reply.</summary>
    public static EmailMessage Recorded(string to, string? name, ParticipationTask task, TaskForm form, string answerJson, string? replyTo, string inReplyTo)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(form);
        var chosen = form.LabelsOf(answerJson);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append("已记录您通过邮件回复的答复。\n\n")
            .Append(CultureInfo.InvariantCulture, $"事项：{task.Title}\n");
        if (chosen.Count > 0) body.Append("您的答复：").Append(string.Join("、", chosen)).Append('\n');
        else if (form.Options.Count > 0) body.Append("您的答复：以上时间都不合适\n");
        if (TaskForm.CommentOf(answerJson) is { } comment) body.Append(CultureInfo.InvariantCulture, $"{(form.Options.Count == 0 ? "您的意见" : "附言")}：{comment}\n");
        body.Append('\n').Append(Until(task, "截止前可以再次回复本邮件修改答复，以最后一次为准。\n"))
            .Append('\n').Append(Letters.Signature).Append('\n');
        return Answer(to, $"已记录您的答复：{task.Title}", body, replyTo, inReplyTo);
    }

    /// <summary>The options again, when a reply did not say clearly which one: nothing was recorded.</summary>
    public static EmailMessage Unclear(string to, string? name, ParticipationTask task, TaskForm form, string? replyTo, string inReplyTo)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(form);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"我们收到了您对“{task.Title}”的回复，但没能看出您选的是哪一项，所以没有记录任何答复。\n\n");
        if (form.Options.Count == 0) body.Append("请直接回复本邮件，写下您的意见。\n");
        else
        {
            body.Append(form.Multiple
                ? "请直接回复本邮件，第一行只写您选的选项编号，可写多个，用空格或顿号隔开（如“1 3”）：\n"
                : "请直接回复本邮件，第一行只写一个选项的编号或文字（如“1”）：\n");
            body.Append(Numbered(form));
            if (form.AllowComment) body.Append("如需说明，请写在第二行。\n");
        }
        body.Append('\n').Append(Until(task, "")).Append("也可以打开原邮件中的链接答复。\n\n").Append(Letters.Signature).Append('\n');
        return Answer(to, $"未能识别您的答复：{task.Title}", body, replyTo, inReplyTo);
    }

    /// <summary>已截止: the task had closed when the reply came; nothing was recorded.</summary>
    public static EmailMessage Closed(string to, string? name, ParticipationTask task, string inReplyTo)
    {
        ArgumentNullException.ThrowIfNull(task);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Letters.Greeting(name)}\n\n")
            .Append(CultureInfo.InvariantCulture, $"“{task.Title}”已截止，您的这次回复没有记录，截止前记录的答复不变。\n")
            .Append("如有问题，请联系社区居委会或您的楼长。\n\n")
            .Append(Letters.Signature).Append('\n');
        return Answer(to, $"已截止：{task.Title}", body, null, inReplyTo);
    }

    private static string Numbered(TaskForm form)
    {
        var text = new StringBuilder();
        for (var i = 0; i < form.Options.Count; i++) text.Append(CultureInfo.InvariantCulture, $"  {i + 1}  {form.Options[i].Label}\n");
        return text.ToString();
    }

    private static string Until(ParticipationTask task, string then) => task.ClosesAt is { } closes
        ? $"截止时间：{BeijingTime.FormatChinese(closes)}（北京时间）。{then}"
        : then;

    private static EmailMessage Answer(string to, string subject, StringBuilder body, string? replyTo, string inReplyTo) =>
        new([to], subject, body.ToString()) { ReplyTo = replyTo, InReplyTo = inReplyTo };
}
