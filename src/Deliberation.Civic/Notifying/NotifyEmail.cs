using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Notifying;

/// <summary>The email 通知 sends each person: the greeting, the rendered body and the committee's signature.</summary>
public static class NotifyEmail
{
    /// <summary>The content type of a .docx attachment.</summary>
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Composes one person's email.</summary>
    /// <param name="to">The address.</param>
    /// <param name="name">The person's name, for the greeting.</param>
    /// <param name="subject">The rendered subject.</param>
    /// <param name="body">The rendered body.</param>
    /// <param name="attachments">Files to attach; none when empty.</param>
    public static EmailMessage Compose(string to, string name, string subject, string body, IReadOnlyList<EmailAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var text = $"{Letters.Greeting(name)}\n\n{body.Trim()}\n\n{Letters.Signature}\n";
        return new EmailMessage([to], subject, text) { Attachments = attachments.Count == 0 ? null : attachments };
    }
}
