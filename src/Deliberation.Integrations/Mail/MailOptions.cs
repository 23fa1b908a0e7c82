namespace Deliberation.Integrations.Mail;

/// <summary>Outgoing mail. Section <c>Deliberation:Mail</c>.</summary>
public sealed class MailOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation:Mail";

    /// <summary>SMTP server host; empty means write .eml files to <see cref="PickupPath"/> instead.</summary>
    public string SmtpHost { get; set; } = "";

    /// <summary>SMTP port (default 25).</summary>
    public int SmtpPort { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public string SmtpSecurity { get; set; } = "StartTlsWhenAvailable";

    /// <summary>SMTP user name; empty for no authentication.</summary>
    public string SmtpUser { get; set; } = "";

    /// <summary>SMTP password.</summary>
    public string SmtpPassword { get; set; } = "";

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "deliberation@localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "社区议事 Deliberation";

    /// <summary>Domain of the stable Message-IDs (<c>&lt;outbox-id@domain&gt;</c>).</summary>
    public string MessageIdDomain { get; set; } = "deliberation.local";

    /// <summary>Folder for .eml files when no SMTP host is set; relative to the data folder.</summary>
    public string PickupPath { get; set; } = "mail/pickup";

    /// <summary>True when SMTP is configured.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}
