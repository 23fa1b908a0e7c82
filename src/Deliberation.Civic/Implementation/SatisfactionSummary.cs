using System.Globalization;

namespace Deliberation.Civic.Implementation;

/// <summary>The follow-up's answers, counted.</summary>
/// <param name="Satisfied">满意.</param>
/// <param name="FairlySatisfied">基本满意.</param>
/// <param name="Dissatisfied">不满意.</param>
/// <param name="NoAnswer">Asked, did not answer by the end of the window.</param>
public sealed record SatisfactionSummary(int Satisfied, int FairlySatisfied, int Dissatisfied, int NoAnswer)
{
    /// <summary>How many were asked.</summary>
    public int Asked => Satisfied + FairlySatisfied + Dissatisfied + NoAnswer;

    /// <summary>How many answered.</summary>
    public int Answered => Satisfied + FairlySatisfied + Dissatisfied;

    /// <summary>
    /// The share of those who answered who are satisfied or fairly satisfied, in whole percent rounded down;
    /// null when nobody answered.
    /// </summary>
    public int? ContentPercent => Answered == 0 ? null : (Satisfied + FairlySatisfied) * 100 / Answered;

    /// <summary>In Chinese, e.g. 回访 3 人,满意 2 人、基本满意 1 人、不满意 0 人,未答复 0 人;满意及基本满意占答复者的 100%。</summary>
    public string DescribeZh()
    {
        if (Asked == 0) return "未进行回访：议事小组中没有可回访的利益代表或相关方。";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"回访 {Asked} 人，满意 {Satisfied} 人、基本满意 {FairlySatisfied} 人、不满意 {Dissatisfied} 人，未答复 {NoAnswer} 人");
        return ContentPercent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{text}；满意及基本满意占答复者的 {p}%。") : text + "。";
    }
}
