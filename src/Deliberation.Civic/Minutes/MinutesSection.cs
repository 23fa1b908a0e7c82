namespace Deliberation.Civic.Minutes;

/// <summary>One section of minutes: a <c>## </c> heading and the lines under it, up to the next heading.</summary>
/// <param name="Number">Its place among the sections, from 1.</param>
/// <param name="Heading">The heading as people read it (Markdown escapes taken out), e.g. 五、表决情况.</param>
/// <param name="Body">The Markdown lines under the heading, without leading or trailing blank lines.</param>
public sealed record MinutesSection(int Number, string Heading, string Body);
