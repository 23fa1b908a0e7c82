namespace Deliberation.Civic.Participation;

/// <summary>One choice on an answer page.</summary>
/// <param name="Value">What the answer records, e.g. <c>a</c>.</param>
/// <param name="Label">What the person reads, e.g. 同意.</param>
/// <param name="CommentRequired">Whether choosing it needs a written reason (an objection to a section of draft minutes).</param>
public sealed record TaskOption(string Value, string Label, bool CommentRequired = false);
