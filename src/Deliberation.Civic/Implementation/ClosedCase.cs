
namespace Deliberation.Civic.Implementation;

/// <summary>What closing a case did.</summary>
/// <param name="Satisfaction">The follow-up's answers.</param>
/// <param name="NoticesSent">Public notices queued to building heads.</param>
/// <param name="HeadsWithoutEmail">Building heads of the affected buildings without an email, to be told in person.</param>
public sealed record ClosedCase(SatisfactionSummary Satisfaction, int NoticesSent, int HeadsWithoutEmail);
