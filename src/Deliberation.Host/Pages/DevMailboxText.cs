namespace Deliberation.Host.Pages;

/// <summary>The development mailbox's words in Simplified Chinese (default) and English.</summary>
internal sealed record DevMailboxText(
    string Lang,
    string Title,
    string SwitchLanguage,
    string SwitchLanguageCode,
    string Notice,
    string CountFormat,
    string NewestOnlyFormat,
    string Empty,
    string Date,
    string To,
    string Subject,
    string NoSubject,
    string Unreadable,
    string From,
    string Cc,
    string File,
    string Back,
    string Raw,
    string TextBody,
    string NoTextBody,
    string HtmlBody,
    string HtmlSource,
    string Attachments,
    string NoAttachments)
{
    public static readonly DevMailboxText Zh = new(
        Lang: "zh-CN",
        Title: "开发邮箱",
        SwitchLanguage: "English",
        SwitchLanguageCode: "en",
        Notice: "未配置 SMTP 服务器：邮件没有真正发出，而是写入了取件文件夹，列在这里。本页只对管理员和本机开放；邮件里的答复链接是有效链接，请勿转发。",
        CountFormat: "共 {0} 封邮件，最新的在前。",
        NewestOnlyFormat: "只列出最新的 {0} 封。",
        Empty: "还没有邮件。",
        Date: "日期（北京时间）",
        To: "收件人",
        Subject: "主题",
        NoSubject: "（无主题）",
        Unreadable: "（无法解析的邮件文件）",
        From: "发件人",
        Cc: "抄送",
        File: "文件",
        Back: "返回邮件列表",
        Raw: "下载原始邮件（.eml）",
        TextBody: "纯文本正文",
        NoTextBody: "（没有纯文本正文）",
        HtmlBody: "HTML 正文（已清理：无脚本、无表单、不加载外部资源）",
        HtmlSource: "HTML 源代码",
        Attachments: "附件",
        NoAttachments: "（无附件）");

    public static readonly DevMailboxText En = new(
        Lang: "en",
        Title: "Development mailbox",
        SwitchLanguage: "中文",
        SwitchLanguageCode: "zh-CN",
        Notice: "No SMTP server is configured: mail was not sent but written to the pickup folder, and is listed here. Only administrators and this machine can see this page; the answer links in these messages are live, do not forward them.",
        CountFormat: "{0} messages, newest first.",
        NewestOnlyFormat: "Only the newest {0} are listed.",
        Empty: "No mail yet.",
        Date: "Date (Beijing time)",
        To: "To",
        Subject: "Subject",
        NoSubject: "(no subject)",
        Unreadable: "(unreadable message file)",
        From: "From",
        Cc: "Cc",
        File: "File",
        Back: "Back to the mailbox",
        Raw: "Download the raw message (.eml)",
        TextBody: "Text body",
        NoTextBody: "(no text body)",
        HtmlBody: "HTML body (sanitised: no scripts, no forms, no external resources)",
        HtmlSource: "HTML source",
        Attachments: "Attachments",
        NoAttachments: "(no attachments)");

    public static DevMailboxText For(string? lang) =>
        lang is { Length: > 0 } && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Zh;

    public bool IsEnglish => ReferenceEquals(this, En);

    /// <summary>The query string that keeps this language on links within the mailbox.</summary>
    public string LangQuery => IsEnglish ? "?lang=en" : "";
}
