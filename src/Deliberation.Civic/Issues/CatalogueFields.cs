using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Issues;

/// <summary>Why a community's deliberation matters catalogue, or a launch from it, was refused, in both languages.</summary>
public static class CatalogueFields
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage Empty = new("catalogue-empty",
        "List at least one kind of matter, at most {max}.", "请列出至少一类、最多 {max} 类议事事项。");
    public static readonly FieldMessage Code = new("matter-code",
        "A code of 1–40 lower-case letters, digits or hyphens, e.g. ebike-charging.", "编码应为 1–40 个小写英文字母、数字或连字符，例如 ebike-charging。");
    public static readonly FieldMessage CodeRepeated = new("matter-code-repeated",
        "This code is listed twice.", "该编码重复出现。");
    public static readonly FieldMessage CodeInUse = new("matter-code-in-use",
        "{count} complaints of the community are of kind '{code}': keep it in the catalogue (rename it instead).",
        "本社区有 {count} 件问题属于“{code}”类，不能从目录中删除（可以修改名称）。");
    public static readonly FieldMessage Workflow = new("matter-workflow",
        "'{workflow}' is not a published workflow this community can launch.", "“{workflow}”不是本社区可以启动的已发布流程。");
    public static readonly FieldMessage Advisor = new("matter-advisor",
        "Expected advisors among: {kinds}.", "专业顾问应为以下之一：{kinds}。");
    public static readonly FieldMessage RulesTemplate = new("matter-rules-template",
        "Expected one of the rules templates: {templates}.", "表决规则应为以下模板之一：{templates}。");
    public static readonly FieldMessage AdvisorKind = new("launch-advisor-kind",
        "Expected an advisor kind among: {kinds}.", "专业顾问类别应为以下之一：{kinds}。");
    public static readonly FieldMessage AdvisorNotQualified = new("launch-advisor-not-qualified",
        "This person is not on the roster as {kind}.", "此人在居民名册中不是{kind}。");
#pragma warning restore CS1591
}
