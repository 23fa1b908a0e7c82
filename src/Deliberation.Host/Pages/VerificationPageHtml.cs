using System.Globalization;
using System.Text;
using Deliberation.Civic.Minutes;
using static Deliberation.Host.Pages.AnswerPageHtml;

namespace Deliberation.Host.Pages;

/// <summary>The verification page of sealed minutes, in the answer pages' plain style (no scripts, large type).</summary>
internal static class VerificationPageHtml
{
    /// <summary>What a check found: whether the file matched, the SHA-256 computed, or that no file came.</summary>
    public sealed record Outcome(bool Matches, string? Sha256, bool NoFile);

    /// <summary>The record, the result of a check if any, and the form.</summary>
    public static string Record(PageText t, PublicMinutesRecord record, Outcome? outcome)
    {
        var en = t.IsEnglish;
        var body = new StringBuilder();
        var title = en ? "Verify sealed minutes" : "会议纪要核验";
        body.Append("<h1>").Append(E(title)).Append("</h1>");
        if (outcome is { NoFile: true })
            body.Append("<p class=\"box error\" role=\"alert\" data-result=\"no-file\">").Append(E(en ? "Choose the file to check (at most 20 MB)." : "请选择要核验的文件（不超过 20 MB）。")).Append("</p>");
        else if (outcome is { Matches: true })
            body.Append("<section class=\"box ok\" role=\"status\" data-result=\"match\"><h2>").Append(E(en ? "Matches: this is the filed file" : "一致：该文件就是归档的会议纪要"))
                .Append("</h2><p>").Append(E(en ? "Its SHA-256 is the one recorded when the minutes were sealed; not a byte differs."
                    : "它的 SHA-256 校验值与定稿归档时记录的完全相同，文件没有任何改动。")).Append("</p></section>");
        else if (outcome is not null)
            body.Append("<section class=\"box error\" role=\"alert\" data-result=\"mismatch\"><h2>").Append(E(en ? "Does not match" : "不一致：该文件与归档的会议纪要不同"))
                .Append("</h2><p>").Append(E(en ? "This file is not the one filed: it was changed, or it is another document. Ask the residents' committee for the filed minutes."
                    : "该文件不是归档的那一份：可能被修改过，或不是这份纪要。请向社区居委会索取归档的纪要。")).Append("</p><p class=\"comment\">")
                .Append(E((en ? "SHA-256 of this file: " : "该文件的 SHA-256：") + outcome.Sha256)).Append("</p></section>");

        body.Append("<section class=\"box\"><h2>").Append(E(en ? "The record" : "归档记录")).Append("</h2>");
        Line(body, en ? "Community" : "社区", record.Community);
        Line(body, en ? "Case number" : "案件编号", record.CaseNumber);
        Line(body, en ? "Meeting" : "会议", record.Meeting);
        if (record.HeldAt is { } held) Line(body, en ? "Held" : "会议时间", t.Date(held));
        Line(body, en ? "Sealed" : "定稿时间", t.Date(record.SealedAt));
        Line(body, en ? "Size" : "文件大小", string.Format(CultureInfo.InvariantCulture, en ? "{0:N0} bytes" : "{0:N0} 字节", record.Length));
        body.Append("<p class=\"comment\"><strong>SHA-256</strong><br><span data-testid=\"sha256\">").Append(E(record.Sha256)).Append("</span></p></section>");

        body.Append("<form method=\"post\" enctype=\"multipart/form-data\">")
            .Append("<label class=\"field\" for=\"file\">").Append(E(en ? "The file to check (the minutes' PDF)" : "要核验的文件（纪要 PDF）")).Append("</label>")
            .Append("<input id=\"file\" name=\"file\" type=\"file\" required>")
            .Append("<button type=\"submit\">").Append(E(en ? "Check" : "核验")).Append("</button></form>")
            .Append("<p class=\"note\">").Append(E(en ? "The file is compared by its SHA-256 and not kept."
                : "系统只计算并比对文件的 SHA-256 校验值，不保存您上传的文件。")).Append("</p>");
        return Layout(t, title, body, null, null);
    }

    /// <summary>No sealed minutes have this code.</summary>
    public static string NotFound(PageText t)
    {
        var body = new StringBuilder();
        var heading = t.IsEnglish ? "No such record" : "找不到该纪要记录";
        body.Append("<h1>").Append(E(heading)).Append("</h1><p>")
            .Append(E(t.IsEnglish ? "The address does not name sealed minutes. Check that the whole address was copied, or scan the QR code again."
                : "这个网址没有对应的定稿纪要。请确认网址完整，或重新扫描纪要上的二维码。")).Append("</p>");
        return Layout(t, heading, body, null, null);
    }

    private static void Line(StringBuilder body, string label, string value) =>
        body.Append("<p><strong>").Append(E(label)).Append(E(label.Length > 0 && label[0] > 127 ? "：" : ": ")).Append("</strong>").Append(E(value)).Append("</p>");
}
