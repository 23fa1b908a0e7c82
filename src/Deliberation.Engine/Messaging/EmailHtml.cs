using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Deliberation.Engine.Messaging;

/// <summary>
/// The HTML part of an email written as plain text: the same words, paragraph by paragraph, with each link that stands
/// on a line of its own shown as a large button and, beside it, the plain link to copy (mail apps that block buttons or
/// strip styles still show a working link). Text is HTML-encoded; nothing in it can become markup.
/// </summary>
public static partial class EmailHtml
{
    /// <summary>The button's words when the composer named none.</summary>
    public const string DefaultLabelZh = "打开链接";

    /// <summary>The button's words in an English email when the composer named none.</summary>
    public const string DefaultLabelEn = "Open the link";

    /// <summary>Renders the plain text as the email's HTML part.</summary>
    /// <param name="text">The plain-text body.</param>
    /// <param name="linkLabels">The button's words for each link, by link (see <see cref="EmailMessage.LinkLabels"/>).</param>
    public static string FromText(string text, IReadOnlyDictionary<string, string>? linkLabels = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chinese = HasChinese().IsMatch(text);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(chinese ? "zh-CN" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f4f6f8\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;padding:20px 16px;background:#ffffff;color:#1f2937;")
            .Append("font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif;font-size:16px;line-height:1.7\">");
        foreach (var paragraph in Paragraphs(text))
        {
            var lines = paragraph.Split('\n');
            var start = 0;
            for (var i = 0; i <= lines.Length; i++)
            {
                var link = i < lines.Length ? LoneLink(lines[i]) : null;
                if (i < lines.Length && link is null) continue;
                if (i > start) Text(html, string.Join('\n', lines[start..i]));
                if (link is not null) Button(html, link, Label(link, linkLabels, chinese), chinese);
                start = i + 1;
            }
        }
        return html.Append("</div></body></html>").ToString();
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        ParagraphBreak().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n')).Where(p => p.Trim().Length > 0);

    /// <summary>The link a line holds when it holds nothing else (an http or https address).</summary>
    private static string? LoneLink(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && !trimmed.Any(char.IsWhiteSpace)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? trimmed : null;
    }

    private static string Label(string link, IReadOnlyDictionary<string, string>? labels, bool chinese) =>
        labels is not null && labels.TryGetValue(link, out var label) && !string.IsNullOrWhiteSpace(label) ? label
            : chinese ? DefaultLabelZh : DefaultLabelEn;

    private static void Text(StringBuilder html, string text)
    {
        // Line breaks and the indentation of numbered options are kept as written.
        html.Append("<p style=\"margin:0 0 14px;white-space:pre-wrap\">");
        var at = 0;
        foreach (Match match in InlineLink().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..match.Index]));
            var href = WebUtility.HtmlEncode(match.Value);
            html.Append("<a href=\"").Append(href).Append("\" style=\"color:#0b57d0\">").Append(href).Append("</a>");
            at = match.Index + match.Length;
        }
        html.Append(WebUtility.HtmlEncode(text[at..])).Append("</p>");
    }

    private static void Button(StringBuilder html, string link, string label, bool chinese)
    {
        var href = WebUtility.HtmlEncode(link);
        html.Append("<p style=\"margin:18px 0 6px\"><a href=\"").Append(href)
            .Append("\" style=\"display:inline-block;background:#0b57d0;color:#ffffff;font-size:18px;font-weight:bold;")
            .Append("text-decoration:none;padding:12px 28px;border-radius:6px\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p>")
            .Append("<p style=\"margin:0 0 18px;font-size:13px;color:#4b5563;word-break:break-all\">")
            .Append(chinese ? "按钮打不开时，请复制下面的链接到浏览器中打开：" : "If the button does not work, copy this link into your browser:")
            .Append("<br><a href=\"").Append(href).Append("\" style=\"color:#0b57d0\">").Append(href).Append("</a></p>");
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"https?://[^\s<>""'（）。，；、]+")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HasChinese();
}
