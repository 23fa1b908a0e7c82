using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Escalations;

/// <summary>What can be wrong with an escalation request, in both languages.</summary>
public static class EscalationFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage Kind = new("escalation-kind",
        "Lower-case letters and digits joined by hyphens, at most {max}, e.g. {example}.", "小写字母和数字，以连字符连接，最多 {max} 个字符，例如 {example}。");
    public static readonly FieldMessage Subject = new("escalation-subject", "Required: one line of at most {max} characters.", "必填：一行，最多 {max} 个字符。");
    public static readonly FieldMessage CaseUnknown = new("case-unknown", "No such case in this community.", "本社区没有这个案件。");
#pragma warning restore CS1591
}
