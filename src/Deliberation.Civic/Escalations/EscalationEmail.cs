using System.Globalization;
using System.Text;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Escalations;

/// <summary>The email of an escalation, to each escalation contact and staff account: one per address, so nobody sees the others.</summary>
public static class EscalationEmail
{
    /// <summary>The subject: 【需协调】{community}·{kind}:{subject}.</summary>
    public static string Subject(string communityName, Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return $"【需协调】{communityName}·{EscalationKinds.Describe(escalation.Kind)}：{escalation.Subject}";
    }

    /// <summary>Composes the email to one address.</summary>
    /// <param name="to">The address.</param>
    /// <param name="communityName">E.g. 大龙社区.</param>
    /// <param name="caseLabel">The case number and title, if the escalation concerns a case.</param>
    /// <param name="escalation">The escalation.</param>
    public static EmailMessage Compose(string to, string communityName, string? caseLabel, Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var body = new StringBuilder()
            .Append(Letters.Greeting(null)).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"{communityName}的社区议事流程中出现以下需要协调处理的情况：\n\n")
            .Append(CultureInfo.InvariantCulture, $"事项：{EscalationKinds.Describe(escalation.Kind)}\n");
        if (caseLabel is { Length: > 0 }) body.Append(CultureInfo.InvariantCulture, $"议题：{caseLabel}\n");
        body.Append(CultureInfo.InvariantCulture, $"时间：{BeijingTime.FormatChinese(escalation.RaisedAt)}（北京时间）\n\n")
            .Append(escalation.Body.TrimEnd()).Append("\n\n")
            .Append("社区工作人员请在工作台的“上报事项”中查看，处理后点“确认已处理”。\n\n")
            .Append(Letters.Signature).Append('\n');
        return new EmailMessage([to], Subject(communityName, escalation), body.ToString());
    }
}
