using System.Globalization;
using System.Text;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Roster;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Issues;

/// <summary>
/// The public notice (公示) emailed to the building heads of the affected building groups when staff
/// anchor an issue: what it is, why it ranked, and what happens next (steps 2 and 3 of 烦事有计倾),
/// so that heads can pass it on to their residents.
/// </summary>
public static class PublicNotice
{
    /// <summary>The subject: 【公示】{community}:{title} 已列为协商议题.</summary>
    public static string Subject(PublicNoticeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return $"【公示】{facts.CommunityName}：{facts.Title} 已列为协商议题";
    }

    /// <summary>The notice to one building head, in Simplified Chinese.</summary>
    /// <param name="facts">The anchored issue.</param>
    /// <param name="to">The building head's address.</param>
    /// <param name="headName">The building head's name, for the greeting.</param>
    public static EmailMessage Compose(PublicNoticeFacts facts, string to, string headName) =>
        new([to], Subject(facts), BuildingHeads.Greeting(headName) + Text(facts, forHeads: true));

    /// <summary>The notice as posted on the wall and its public page (<see cref="Notices.PostedNotice"/>): the email without the greeting and the request to pass it on.</summary>
    public static string WallText(PublicNoticeFacts facts) => Text(facts, forHeads: false);

    private static string Text(PublicNoticeFacts facts, bool forHeads)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var ranking = facts.Ranking;
        var part = ranking.Parts.ToDictionary(p => p.Name);
        var share = ranking.CommunityHouseholds > 0 ? 100.0 * ranking.AffectedHouseholds / ranking.CommunityHouseholds : 0;
        var body = new StringBuilder()
            .Append("经社区居委会研判，居民反映的以下问题已列为“烦事有计倾”协商议题，现予公示。")
            .Append(forHeads ? "请向本楼栋居民转达。\n\n" : "\n\n")
            .Append(CultureInfo.InvariantCulture, $"案件编号：{facts.CaseNumber}\n")
            .Append(CultureInfo.InvariantCulture, $"问题类别：{facts.Matter.Zh}\n")
            .Append(CultureInfo.InvariantCulture, $"问题：{facts.Title}\n")
            .Append(CultureInfo.InvariantCulture, $"涉及楼栋：{string.Join("、", facts.BuildingNames.Order(NaturalComparer.Instance))}\n");
        if (facts.Description.Length > 0) body.Append(CultureInfo.InvariantCulture, $"居民反映：{facts.Description}\n");
        body.Append(CultureInfo.InvariantCulture, $"列为议题时间：{BeijingTime.ToBeijing(facts.AnchoredAt):yyyy年M月d日 HH:mm}\n");
        if (facts.NoticeEndsAt is { } ends) body.Append(CultureInfo.InvariantCulture, $"公示期：至 {BeijingTime.ToBeijing(ends):yyyy年M月d日 HH:mm} 止\n");
        body.Append('\n')
            .Append("为何列为议题：\n")
            .Append(CultureInfo.InvariantCulture,
                $"在本社区 {facts.OpenComplaints} 个待处理问题中排名第 {ranking.Rank}，综合得分 {ranking.Score:0.0}（满分 100），其中：\n")
            .Append(CultureInfo.InvariantCulture, $"· 反映居民 {ranking.Complaint.ReporterCount} 人：{Points(part["reporters"])}\n")
            .Append(CultureInfo.InvariantCulture, $"· 紧急程度 {ranking.Complaint.Urgency}/5：{Points(part["urgency"])}\n")
            .Append(CultureInfo.InvariantCulture, $"· 严重程度 {ranking.Complaint.Severity}/5：{Points(part["severity"])}\n")
            .Append(CultureInfo.InvariantCulture,
                $"· 受影响住户 {ranking.AffectedHouseholds} 户，占全社区 {share:0.#}%：{Points(part["share"])}\n")
            .Append(ranking.Complaint.ElderlyPercent is { } elderly
                ? string.Create(CultureInfo.InvariantCulture, $"· 受影响居民中长者（60 岁及以上）占 {elderly:0.##}%\n\n")
                : "\n")
            .Append("接下来：\n")
            .Append(facts.NoticeEndsAt is null
                ? "1. 确定利益相关方：社区将梳理受此问题影响的居民、单位和各方。\n"
                : "1. 确定利益相关方：公示期满后，社区将梳理受此问题影响的居民、单位和各方。\n")
            .Append("2. 推选利益代表：影响范围大、人数多的，按“楼栋—住户代表”逐层推选 1–3 名代表参加协商会议。\n")
            .Append("3. 搭建议事平台：邀请利益相关方及律师、会计师等专业人员组成议事小组，会议时间另行通知。\n\n")
            .Append(facts.NoticeEndsAt is null ? "如有意见或补充情况，请联系社区居委会。\n\n" : "公示期内如有意见或补充情况，请联系楼长或社区居委会。\n\n")
            .Append(CultureInfo.InvariantCulture, $"{facts.CommunityName}居民委员会\n");
        return body.ToString();
    }

    private static string Points(ScorePart part) => string.Create(CultureInfo.InvariantCulture, $"{part.Contribution:0.0} 分");
}
