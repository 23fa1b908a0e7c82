using System.Globalization;
using System.Text;

namespace Deliberation.Civic.Notices;

/// <summary>The public notice of a meeting's resolution (决议公示), posted when its minutes are filed.</summary>
public static class ResultNotice
{
    /// <summary>The title: 【决议公示】{community}：{title}.</summary>
    public static string Title(string communityName, string caseTitle) => $"【决议公示】{communityName}：{caseTitle}";

    /// <summary>The notice as residents read it, in Simplified Chinese.</summary>
    /// <param name="communityName">E.g. 大龙社区.</param>
    /// <param name="caseNumber">The case number, if any.</param>
    /// <param name="caseTitle">The issue.</param>
    /// <param name="heldAt">When the meeting was held.</param>
    /// <param name="resolutions">What it resolved, in order.</param>
    /// <param name="noticePlan">The minutes' public-notice plan, if any.</param>
    public static string Text(string communityName, string? caseNumber, string caseTitle, DateTimeOffset heldAt, IReadOnlyList<string> resolutions, string? noticePlan)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        var body = new StringBuilder("经“烦事有计倾”协商议事会议讨论，就以下议题形成决议，现予公示。\n\n");
        if (caseNumber is { Length: > 0 }) body.Append(CultureInfo.InvariantCulture, $"案件编号：{caseNumber}\n");
        body.Append(CultureInfo.InvariantCulture, $"议题：{caseTitle}\n")
            .Append(CultureInfo.InvariantCulture, $"会议时间：{BeijingTime.FormatChinese(heldAt)}\n\n")
            .Append("决议：\n");
        foreach (var resolution in resolutions) body.Append("· ").Append(resolution.ReplaceLineEndings(" ")).Append('\n');
        if (resolutions.Count == 0) body.Append("本次会议未形成决议。\n");
        if (!string.IsNullOrWhiteSpace(noticePlan)) body.Append(CultureInfo.InvariantCulture, $"\n公示安排：{noticePlan.Trim().ReplaceLineEndings(" ")}\n");
        body.Append("\n公示期内如有意见或异议，请扫码留言，或联系楼长、社区居委会。\n\n")
            .Append(CultureInfo.InvariantCulture, $"{communityName}居民委员会\n");
        return body.ToString();
    }
}
