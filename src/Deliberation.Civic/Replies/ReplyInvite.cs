namespace Deliberation.Civic.Replies;

/// <summary>How a task's email invites an answer by reply.</summary>
/// <param name="Address">The signed Reply-To address.</param>
/// <param name="Lines">The lines for the body: the numbered options and the reply token.</param>
public sealed record ReplyInvite(string Address, string Lines);
