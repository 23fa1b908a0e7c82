using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Deliberation.Civic;
using Deliberation.Integrations.Mail;
using Ganss.Xss;
using MimeKit;

namespace Deliberation.Host.Pages;

/// <summary>
/// Builds the development mailbox pages. Everything taken from a message is HTML-encoded, except its HTML
/// body, which is sanitised first; links in the text body become clickable so a developer can follow an
/// answer link as the recipient would.
/// </summary>
internal static partial class DevMailboxHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        *{box-sizing:border-box}
        body{margin:0;background:#fff;color:#111;font-size:16px;line-height:1.5;
          font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        header{display:flex;justify-content:space-between;align-items:center;gap:1rem;border-bottom:2px solid #ddd;padding-bottom:.5rem}
        a{color:#0a4a94}
        h1{font-size:1.4rem;margin:1rem 0 .5rem;overflow-wrap:anywhere}
        h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
        .notice{border:2px solid #8a5a00;background:#fff6e5;border-radius:6px;padding:.5rem .75rem}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #ddd;overflow-wrap:anywhere}
        td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
        .headers th{width:8rem;color:#333}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;border:1px solid #ddd;border-radius:6px;padding:.75rem;font-size:.95rem}
        .html-body{border:1px solid #ddd;border-radius:6px;padding:.75rem;overflow:auto;contain:paint}
        .muted{color:#555}
        """;

    /// <summary>The list of messages.</summary>
    public static string List(DevMailboxText t, PickupListing listing)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(t.Title)).Append("</h1>");
        body.Append("<p class=\"notice\">").Append(E(t.Notice)).Append("</p>");
        if (listing.Total == 0)
        {
            body.Append("<p class=\"muted\">").Append(E(t.Empty)).Append("</p>");
            return Layout(t, t.Title, body);
        }
        body.Append("<p>").Append(E(Format(t.CountFormat, listing.Total)));
        if (listing.Total > listing.Messages.Count) body.Append(' ').Append(E(Format(t.NewestOnlyFormat, listing.Messages.Count)));
        body.Append("</p><table><thead><tr><th>").Append(E(t.Date)).Append("</th><th>").Append(E(t.To)).Append("</th><th>")
            .Append(E(t.Subject)).Append("</th></tr></thead><tbody>");
        foreach (var entry in listing.Messages)
        {
            var subject = entry.Subject is null ? t.Unreadable : entry.Subject.Length == 0 ? t.NoSubject : entry.Subject;
            body.Append("<tr><td class=\"date\">").Append(E(Date(entry.Date))).Append("</td><td>").Append(E(entry.To)).Append("</td><td>")
                .Append("<a href=\"").Append(E(MessagePath(entry.FileName) + t.LangQuery)).Append("\">").Append(E(subject)).Append("</a></td></tr>");
        }
        body.Append("</tbody></table>");
        return Layout(t, t.Title, body);
    }

    /// <summary>One message: headers, text body with clickable links, sanitised HTML body and its source, attachments.</summary>
    public static string Message(DevMailboxText t, string fileName, MimeMessage message, IReadOnlyList<PickupAttachment> attachments)
    {
        var path = MessagePath(fileName);
        var subject = string.IsNullOrEmpty(message.Subject) ? t.NoSubject : message.Subject;
        var body = new StringBuilder();
        body.Append("<p><a href=\"").Append(E(DevMailboxPages.Path + t.LangQuery)).Append("\">").Append(E(t.Back)).Append("</a> · <a href=\"")
            .Append(E(path + "/raw")).Append("\">").Append(E(t.Raw)).Append("</a></p>");
        body.Append("<h1>").Append(E(subject)).Append("</h1><table class=\"headers\">");
        Header(body, t.From, Addresses(message.From));
        Header(body, t.To, Addresses(message.To));
        if (message.Cc.Count > 0) Header(body, t.Cc, Addresses(message.Cc));
        Header(body, t.Date, message.Date == DateTimeOffset.MinValue ? "—" : Date(message.Date));
        Header(body, "Message-ID", message.MessageId ?? "—");
        Header(body, t.File, fileName);
        body.Append("</table>");

        body.Append("<h2>").Append(E(t.TextBody)).Append("</h2>");
        if (message.TextBody is { } text) body.Append("<pre>").Append(Linkify(text)).Append("</pre>");
        else body.Append("<p class=\"muted\">").Append(E(t.NoTextBody)).Append("</p>");

        if (message.HtmlBody is { } html)
        {
            body.Append("<h2>").Append(E(t.HtmlBody)).Append("</h2><div class=\"html-body\">").Append(Sanitize(html)).Append("</div>");
            body.Append("<details><summary>").Append(E(t.HtmlSource)).Append("</summary><pre>").Append(E(html)).Append("</pre></details>");
        }

        body.Append("<h2>").Append(E(t.Attachments)).Append("</h2>");
        if (attachments.Count == 0) body.Append("<p class=\"muted\">").Append(E(t.NoAttachments)).Append("</p>");
        else
        {
            body.Append("<ul>");
            foreach (var a in attachments)
                body.Append("<li><a href=\"").Append(E(path + "/attachments/" + a.Index.ToString(CultureInfo.InvariantCulture))).Append("\">")
                    .Append(E(a.FileName)).Append("</a> <span class=\"muted\">(").Append(E(a.ContentType)).Append(")</span></li>");
            body.Append("</ul>");
        }
        return Layout(t, subject, body);
    }

    /// <summary>The text HTML-encoded, with every http(s) URL made a link.</summary>
    public static string Linkify(string text)
    {
        var html = new StringBuilder(text.Length + 256);
        var last = 0;
        foreach (Match match in Url().Matches(text))
        {
            // Sentence punctuation right after a link is not part of it ("…/t/abc." or "…/t/abc)").
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'');
            html.Append(E(text[last..match.Index]));
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                html.Append("<a href=\"").Append(E(url)).Append("\" rel=\"noreferrer noopener\">").Append(E(url)).Append("</a>");
            else
                html.Append(E(url));
            last = match.Index + url.Length;
        }
        html.Append(E(text[last..]));
        return html.ToString();
    }

    /// <summary>An email's HTML made safe to show inside the page: no scripts, forms, event handlers or non-http(s) URLs.</summary>
    public static string Sanitize(string html)
    {
        // A new sanitizer per message: its settings are mutable sets, and this page is not a hot path.
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "datalist", "fieldset", "legend", "label" })
            sanitizer.AllowedTags.Remove(tag);
        // An email's styles must not escape its box and cover the page.
        sanitizer.AllowedCssProperties.Remove("position");
        sanitizer.AllowedCssProperties.Remove("z-index");
        sanitizer.AllowedAttributes.Remove("id");
        return sanitizer.Sanitize(html);
    }

    /// <summary>The mailbox path of a message.</summary>
    public static string MessagePath(string fileName) => DevMailboxPages.Path + "/" + Uri.EscapeDataString(fileName);

    private static void Header(StringBuilder body, string name, string value) =>
        body.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string Addresses(InternetAddressList list) =>
        list.Count == 0 ? "—" : string.Join(", ", list.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));

    private static string Date(DateTimeOffset at) => BeijingTime.ToBeijing(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Format(string format, int count) => string.Format(CultureInfo.InvariantCulture, format, count);

    private static string Layout(DevMailboxText t, string title, StringBuilder body)
    {
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html><html lang=\"").Append(t.Lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\"><meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>").Append(E(title == t.Title ? title : title + " · " + t.Title)).Append("</title><style>").Append(Style)
            .Append("</style></head><body><main><header><span>").Append(E(t.Title)).Append("</span><a href=\"?lang=")
            .Append(E(t.SwitchLanguageCode)).Append("\" lang=\"").Append(E(t.SwitchLanguageCode)).Append("\">").Append(E(t.SwitchLanguage))
            .Append("</a></header>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    private static string E(string text) => Encoder.Encode(text);

    // Stops at whitespace, quotes, angle brackets and full-width punctuation, which end a link in Chinese text.
    [GeneratedRegex(@"https?://[^\s<>""'()\uFF08\uFF09\u3010\u3011\u300C\u300D\u300E\u300F\u201C\u201D\u2018\u2019\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF01\uFF1F]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
