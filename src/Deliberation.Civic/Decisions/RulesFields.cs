using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Decisions;

/// <summary>What can be wrong with rules of procedure (议事规则) as staff set them, in both languages.</summary>
public static class RulesFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage TemplateUnknown = new("rules-template-unknown",
        "Unknown template '{template}'; one of {templates}.", "未知的规则模板“{template}”，应为以下之一：{templates}。");
    public static readonly FieldMessage RuleMissing = new("rules-rule-missing", "Give a template or a rule: one of {rules}.", "请选择规则模板或表决规则：{rules}。");
    public static readonly FieldMessage RuleUnknown = new("rules-rule-unknown", "Unknown decision rule '{rule}'; one of {rules}.", "未知的表决规则“{rule}”，应为以下之一：{rules}。");
    public static readonly FieldMessage QuorumNotFraction = new("rules-quorum-not-fraction",
        "'{quorum}' is not a fraction such as 1/2 or 2/3.", "“{quorum}”不是分数，请写成 1/2 或 2/3 这样的形式。");
    public static readonly FieldMessage QuorumMissing = new("rules-quorum-missing", "The quorum is missing.", "缺少法定人数比例。");
    public static readonly FieldMessage QuorumRange = new("rules-quorum-range",
        "The quorum must be above 0 and at most 1, not {quorum}.", "法定人数比例须大于 0 且不超过 1，不能是 {quorum}。");
    public static readonly FieldMessage Article278Matter = new("rules-article-278-matter",
        "A co-owners' decision needs the Article 278 matter: {matters}.", "业主共同决定须注明民法典第二百七十八条的事项类别：{matters}。");
    public static readonly FieldMessage Article278Quorum = new("rules-article-278-quorum",
        "Article 278 requires owners holding 2/3 of the area and 2/3 of the owners to take part; a quorum of {quorum} is too low.",
        "民法典第二百七十八条要求专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；法定人数比例 {quorum} 过低。");
    public static readonly FieldMessage OwnersOnly = new("rules-owners-only",
        "Only owners vote on a co-owners' decision; advisors cannot.", "业主共同决定只由业主表决，专业人士不能表决。");
#pragma warning restore CS1591
}
