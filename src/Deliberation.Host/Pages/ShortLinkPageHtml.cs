using System.Text;
using static Deliberation.Host.Pages.AnswerPageHtml;

namespace Deliberation.Host.Pages;

/// <summary>The pages of a short link that leads nowhere, in the answer pages' plain style: an unknown code (404) or one that is gone (410).</summary>
internal static class ShortLinkPageHtml
{
    /// <summary>No short link has this code.</summary>
    public static string NotFound(PageText t) => Page(t,
        t.IsEnglish ? "No such link" : "找不到该链接",
        t.IsEnglish ? "Check that the whole link was copied (letters and digits, upper and lower case), or scan the QR code again."
            : "请确认链接完整（区分大小写字母和数字），或重新扫描二维码。");

    /// <summary>The short link worked once: its link was reissued, or it expired.</summary>
    public static string Gone(PageText t) => Page(t,
        t.IsEnglish ? "This link no longer works" : "该链接已失效",
        t.IsEnglish ? "A newer link was sent in its place, or its time is over. Use the latest link you received, or ask your building head or the neighbourhood committee."
            : "该链接已被新的链接替代，或已过有效期。请使用您最新收到的链接，或联系楼长、社区居委会。");

    private static string Page(PageText t, string heading, string detail)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(heading)).Append("</h1><p>").Append(E(detail)).Append("</p>");
        return Layout(t, heading, body, null, null);
    }
}
