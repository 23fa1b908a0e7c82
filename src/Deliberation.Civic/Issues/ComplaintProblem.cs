namespace Deliberation.Civic.Issues;

/// <summary>Why a field of a complaint is refused, in Simplified Chinese and English.</summary>
/// <param name="Field">The request field, e.g. <c>categoryCode</c>.</param>
/// <param name="MessageZh">The message in Simplified Chinese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record ComplaintProblem(string Field, string MessageZh, string MessageEn)
{
    /// <summary>The message in English when <paramref name="english"/> is set, otherwise in Chinese.</summary>
    public string Message(bool english) => english ? MessageEn : MessageZh;
}
