namespace Deliberation.Civic.Participation;

/// <summary>How an answer came in (<see cref="TaskAnswer.Channel"/>).</summary>
public static class TaskChannels
{
    /// <summary>The person answered through their signed link.</summary>
    public const string Link = "link";

    /// <summary>Someone (a building head) entered it on the person's behalf, e.g. from a paper ballot.</summary>
    public const string Proxy = "proxy";

    /// <summary>The person replied to the task's email with the option's number or word (matched by the signed reply address).</summary>
    public const string EmailReply = "email-reply";

    /// <summary>A building head entered it from the paper sheet the household filled in, with a photo of the sheet.</summary>
    public const string Paper = "paper";

    /// <summary>Every channel, in the order totals show them (online by link, by email reply, paper, proxy).</summary>
    public static IReadOnlyList<string> All { get; } = [Link, EmailReply, Paper, Proxy];
}
