using System.Globalization;
using System.Text;
using Deliberation.Civic.Communities;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// The public notice of the result (结案公示), emailed to the building heads of the affected building groups when the
/// case closes, for them to pass on: who did what and when, what it cost, and what the representatives said in the follow-up.
/// </summary>
public static class CaseClosingNotice
{
    /// <summary>The subject: 【结案公示】{community}:{title}.</summary>
    public static string Subject(CaseClosingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return $"【结案公示】{facts.CommunityName}：{facts.Title}";
    }

    /// <summary>The notice to one building head, in Simplified Chinese.</summary>
    /// <param name="facts">The closed case.</param>
    /// <param name="to">The building head's address.</param>
    /// <param name="headName">The building head's name, for the greeting.</param>
    public static EmailMessage Compose(CaseClosingFacts facts, string to, string headName) =>
        new([to], Subject(facts), BuildingHeads.Greeting(headName) + Text(facts, forHeads: true));

    /// <summary>The notice as posted on the wall and its public page (<see cref="Notices.PostedNotice"/>): the email without the greeting and the request to pass it on.</summary>
    public static string WallText(CaseClosingFacts facts) => Text(facts, forHeads: false);

    private static string Text(CaseClosingFacts facts, bool forHeads)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var body = new StringBuilder()
            .Append(facts.Satisfaction.Asked > 0
                ? "以下“烦事有计倾”协商议题的决议已落实完毕，经回访后结案，现将结果公示。"
                : "以下“烦事有计倾”协商议题的决议已落实完毕，现予结案，并将结果公示。")
            .Append(forHeads ? "请向本楼栋居民转达。\n\n" : "\n\n");
        if (facts.CaseNumber is { Length: > 0 } number) body.Append(CultureInfo.InvariantCulture, $"案件编号：{number}\n");
        body.Append(CultureInfo.InvariantCulture, $"议题：{facts.Title}\n")
            .Append(CultureInfo.InvariantCulture, $"结案时间：{BeijingTime.FormatChinese(facts.ClosedAt)}\n\n")
            .Append("一、各方落实情况\n");
        var n = 0;
        foreach (var item in facts.Items.OrderBy(i => i.DueAt).ThenBy(i => i.CreatedAt))
        {
            body.Append(CultureInfo.InvariantCulture, $"{++n}. {item.ResponsibleParty}：{item.Title}");
            body.Append(item.DoneAt is { } done
                ? $"，{BeijingTime.FormatChinese(done)} 完成（期限 {BeijingTime.FormatChinese(item.DueAt)}）"
                : string.Create(CultureInfo.InvariantCulture, $"，进度 {item.Percent}%（期限 {BeijingTime.FormatChinese(item.DueAt)}）"));
            var funding = facts.Funding?.GetValueOrDefault(item.Id) ?? item.FundingSource;
            if (item.Budget is { } budget) body.Append($"；预算 {Money.Yuan(budget)} 元");
            if (!string.IsNullOrWhiteSpace(funding)) body.Append(CultureInfo.InvariantCulture, $"，资金来源：{funding}");
            body.Append('\n');
        }
        if (n == 0) body.Append("无\n");
        body.Append("\n二、回访情况\n").Append(facts.Satisfaction.DescribeZh()).Append('\n');
        if (facts.Comments.Count > 0)
        {
            body.Append("代表意见：\n");
            foreach (var comment in facts.Comments) body.Append("· ").Append(comment.ReplaceLineEndings(" ")).Append('\n');
        }
        body.Append("\n如对落实结果有意见，请联系社区居委会。\n\n")
            .Append(CultureInfo.InvariantCulture, $"{facts.CommunityName}居民委员会\n");
        return body.ToString();
    }
}
