namespace Deliberation.Integrations.Mail;

/// <summary>
/// The mailbox replies to task emails are read from, over IMAP. Section <c>Deliberation:Imap</c>. Off (and emails invite
/// no reply) while <see cref="Host"/> is empty; checked at start-up when set.
/// </summary>
public sealed class ImapOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Imap";

    /// <summary>The IMAP server; empty (the default) reads no replies.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port (default 993).</summary>
    public int Port { get; set; } = 993;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (the default).</summary>
    public string Security { get; set; } = "SslOnConnect";

    /// <summary>The mailbox's user name.</summary>
    public string User { get; set; } = "";

    /// <summary>The mailbox's password.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// The address replies are sent to, e.g. <c>reply@example.cn</c>, delivered to this mailbox with plus-addressing
    /// (<c>reply+TOKEN@example.cn</c>: the token signs the task). Required with <see cref="Host"/>.
    /// </summary>
    public string ReplyAddress { get; set; } = "";

    /// <summary>The folder read (default <c>INBOX</c>): every message in it is a reply not processed yet.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a processed reply is moved (default <c>Processed</c>, created when missing), marked as seen.</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>How often the mailbox is read (default 1 min, at least 5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when a mailbox is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
