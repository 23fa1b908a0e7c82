namespace Deliberation.Civic.Replies;

/// <summary>How a task's email invites an answer by reply.</summary>
/// <param name="Address">The signed Reply-To address.</param>
/// <param name="Lines">The lines for the body: the numbered options and the reply token.</param>
public sealed record ReplyInvite(string Address, string Lines)
{
    /// <summary>The lines as a paragraph of a letter (after a blank line); empty when the email invites no reply.</summary>
    public static string Paragraph(ReplyInvite? reply) => reply is null ? "" : "\n" + reply.Lines;
}
