using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Participation;

/// <summary>
/// The email that brings a person the link staff reissued for a task. Chinese, plain text: residents
/// read it on phones, often in WeChat's mail view, where a bare link is the most reliable thing to tap.
/// </summary>
public static class ReissuedLinkEmail
{
    /// <summary>Composes the email.</summary>
    /// <param name="task">The task, with its title and deadline.</param>
    /// <param name="address">The person's email address.</param>
    /// <param name="link">The new link.</param>
    /// <param name="name">The person's name, for the greeting.</param>
    public static EmailMessage Compose(ParticipationTask task, string address, string link, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var deadline = task.ClosesAt is { } closes
            ? $"截止时间：{BeijingTime.FormatChinese(closes)}（北京时间）。截止前可以随时修改答复。"
            : "该事项结束前可以随时修改答复。";
        var body = $"""
            {Letters.Greeting(name)}

            社区工作人员为您更新了以下事项的答复链接：

            {task.Title}

            请打开下面的新链接查看并答复：

            {link}

            {deadline}

            注意：此前邮件中的旧链接已经失效，请使用本邮件中的新链接。

            如需帮助，请联系您的楼长或社区居委会。

            {Letters.Signature}
            """;
        return new EmailMessage([address], $"您的答复链接已更新：{task.Title}", body) { LinkLabels = Letters.Buttons((link, "打开答复页面")) };
    }
}
