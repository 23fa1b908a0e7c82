using System.Text;
using System.Text.RegularExpressions;

namespace Deliberation.Civic.Replies;

/// <summary>
/// What the person wrote in a reply, without what it quotes and without their signature: the text above the first line
/// that starts the quoted original (<c>在 … 写道：</c>, <c>On … wrote:</c>, <c>-----原始邮件-----</c>, QQ mail's and Outlook's
/// header blocks), a signature delimiter (<c>-- </c>) or a phone's footer (<c>发自我的iPhone</c>); lines quoted with
/// <c>&gt;</c> are dropped wherever they are.
/// </summary>
public static partial class ReplyText
{
    /// <summary>The longest text read: a reply is a number or a word, perhaps a sentence of comment.</summary>
    public const int MaxLength = 4000;

    /// <summary>The person's own words, trimmed; empty when there are none.</summary>
    public static string Extract(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line is "--" or "-- " || raw == "-- " || EndsTheReply().IsMatch(line)) break;
            if (line.TrimStart().StartsWith('>')) continue;
            kept.Append(line).Append('\n');
            if (kept.Length > MaxLength) break;
        }
        var result = kept.ToString().Trim();
        return result.Length > MaxLength ? result[..MaxLength] : result;
    }

    // Quote headers of the common mail clients in China and elsewhere, and phones' signatures.
    [GeneratedRegex(@"^\s*(" +
        @"-{2,}\s*(原始邮件|Original Message|Forwarded message|转发的邮件)\s*-{2,}" +
        @"|在\s.*写道[：:]?$|.*\s写道[：:]$|On\s.+wrote:?$|.*<[^>]+@[^>]+>\s*(写道|wrote)[：:]?$" +
        @"|(发件人|From)\s*[：:].+|_{10,}" +
        @"|发自我的.{0,20}$|来自我的.{0,20}$|Sent from my .{0,30}$|Get Outlook for .{0,30}$" +
        @")", RegexOptions.IgnoreCase)]
    private static partial Regex EndsTheReply();
}
