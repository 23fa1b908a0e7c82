using System.Text;
using Deliberation.Civic.Notices;
using static Deliberation.Host.Pages.AnswerPageHtml;

namespace Deliberation.Host.Pages;

/// <summary>The public page of a notice (公示), in the answer pages' plain style (no scripts, large type): the notice, the published comments with staff's answers, and during the notice period the form to comment or object.</summary>
internal static class NoticePageHtml
{
    /// <summary>What the form says after a post: that it was kept, or why not.</summary>
    public sealed record Outcome(bool Kept, string? Code, string? Message);

    /// <summary>The page.</summary>
    public static string Notice(PageText t, NoticeView view, DateTimeOffset now, Outcome? outcome, string? text = null, string? name = null, string? phone = null)
    {
        var en = t.IsEnglish;
        var notice = view.Notice;
        var body = new StringBuilder();
        body.Append("<h1 data-testid=\"notice-title\">").Append(E(notice.Title)).Append("</h1>");
        body.Append("<section class=\"box\" lang=\"zh-CN\">");
        foreach (var line in notice.Text.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0))
            body.Append("<p>").Append(E(line.TrimEnd())).Append("</p>");
        body.Append("<p class=\"note\">").Append(E((en ? "Posted " : "公示时间：") + t.Date(notice.PostedAt)));
        if (notice.CommentsCloseAt is { } closes) body.Append(E((en ? ", notice period until " : " 至 ") + t.Date(closes)));
        body.Append("</p></section>");

        var published = view.Comments.Where(c => c.Status == NoticeCommentStatuses.Published).ToList();
        if (published.Count > 0)
        {
            body.Append("<section class=\"box\"><h2>").Append(E(en ? "Comments and answers" : "居民意见及答复")).Append("</h2>");
            foreach (var comment in published)
            {
                body.Append("<div class=\"comment\" data-comment=\"").Append(comment.Id).Append("\"><p><strong>")
                    .Append(E(comment.IsObjection ? (en ? "Objection" : "异议") : (en ? "Comment" : "意见")))
                    .Append(E(comment.Name is { } n ? $"（{n}）" : "")).Append("</strong> ").Append(E(comment.Text)).Append("</p>");
                if (comment.Response is { } response)
                    body.Append("<p class=\"note\"><strong>").Append(E(en ? "Committee's answer: " : "社区答复：")).Append("</strong>").Append(E(response)).Append("</p>");
                body.Append("</div>");
            }
            body.Append("</section>");
        }

        if (outcome is { Kept: true })
            body.Append("<p class=\"box ok\" role=\"status\" data-result=\"kept\">").Append(E(en
                ? "Thank you: your comment was received. Staff read every comment; it shows here once they publish it."
                : "谢谢，已收到您的留言。社区工作人员会逐条查看，审核后在本页公开并答复。")).Append("</p>");
        else if (outcome is not null)
            body.Append("<p class=\"box error\" role=\"alert\" data-code=\"").Append(E(outcome.Code ?? "")).Append("\">").Append(E(outcome.Message ?? "")).Append("</p>");

        if (notice.TakesCommentsAt(now))
        {
            body.Append("<form method=\"post\"><h2>").Append(E(en ? "Leave a comment or objection" : "留言或提出异议")).Append("</h2>")
                .Append("<fieldset><label><input type=\"radio\" name=\"kind\" value=\"comment\" checked> ").Append(E(en ? "Comment" : "意见、建议")).Append("</label>")
                .Append("<label><input type=\"radio\" name=\"kind\" value=\"objection\"> ").Append(E(en ? "Objection" : "异议")).Append("</label></fieldset>")
                .Append("<label class=\"field\" for=\"text\">").Append(E(en ? "Your comment" : "您的意见")).Append("</label>")
                .Append("<textarea id=\"text\" name=\"text\" rows=\"5\" maxlength=\"").Append(NoticeComment.MaxText).Append("\" required>").Append(E(text ?? "")).Append("</textarea>")
                .Append("<label class=\"field\" for=\"name\">").Append(E(en ? "Name or household (optional)" : "称呼或门牌（选填，会随意见公开）")).Append("</label>")
                .Append("<input id=\"name\" name=\"name\" maxlength=\"").Append(NoticeComment.MaxName).Append("\" value=\"").Append(E(name ?? "")).Append("\">")
                .Append("<label class=\"field\" for=\"phone\">").Append(E(en ? "Phone (optional, for staff to call back; never published)" : "电话（选填，仅供工作人员回访，不公开）")).Append("</label>")
                .Append("<input id=\"phone\" name=\"phone\" type=\"tel\" inputmode=\"tel\" maxlength=\"24\" value=\"").Append(E(phone ?? "")).Append("\">")
                .Append("<button type=\"submit\">").Append(E(en ? "Send" : "提交")).Append("</button></form>");
        }
        else
        {
            body.Append("<p class=\"note\" data-result=\"closed\">").Append(E(notice.CommentsCloseAt is null
                ? (en ? "For comments, contact your building head or the residents' committee." : "如有意见，请联系楼长或社区居委会。")
                : (en ? "The notice period is over; comments are no longer taken here." : "公示期已结束，本页不再接收留言。"))).Append("</p>");
        }
        return Layout(t, notice.Title, body, null, null);
    }

    /// <summary>No notice has this code.</summary>
    public static string NotFound(PageText t)
    {
        var body = new StringBuilder();
        var heading = t.IsEnglish ? "No such notice" : "找不到该公示";
        body.Append("<h1>").Append(E(heading)).Append("</h1><p>")
            .Append(E(t.IsEnglish ? "Check that the whole address was copied, or scan the QR code on the notice again." : "请确认网址完整，或重新扫描公示上的二维码。")).Append("</p>");
        return Layout(t, heading, body, null, null);
    }
}
