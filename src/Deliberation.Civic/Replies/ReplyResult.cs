namespace Deliberation.Civic.Replies;

/// <summary>What became of a reply.</summary>
/// <param name="Outcome">One of <see cref="ReplyOutcomes"/>.</param>
/// <param name="TaskId">The task its token named, when one did.</param>
public sealed record ReplyResult(string Outcome, Guid? TaskId);
