namespace Deliberation.Civic.Participation;

/// <summary>The purposes a task can have; a link is bound to one.</summary>
public static class TaskPurposes
{
    /// <summary>Nominating candidates for an election (oneself or a neighbour).</summary>
    public const string Nominate = "nominate";

    /// <summary>Voting in a ballot (e.g. electing a representative).</summary>
    public const string Ballot = "ballot";

    /// <summary>Picking the meeting times that suit.</summary>
    public const string TimePoll = "time-poll";

    /// <summary>Saying whether one comes to a meeting.</summary>
    public const string Rsvp = "rsvp";

    /// <summary>Voting on a proposal.</summary>
    public const string Vote = "vote";

    /// <summary>Reporting progress on an action item.</summary>
    public const string Progress = "progress";

    /// <summary>Submitting a proposal before a meeting (a written answer).</summary>
    public const string Proposal = "proposal";

    /// <summary>The follow-up (回访): how satisfied an affected group's representative is with what was done.</summary>
    public const string FollowUp = "follow-up";

    /// <summary>Marking a matter handled within its deadline (限时响应), with a short note.</summary>
    public const string Respond = "respond";

    /// <summary>Claiming a published need of the needs list (三单: 单位接单); the first claim wins.</summary>
    public const string Claim = "claim";

    /// <summary>The claimant reporting progress on a need they claimed.</summary>
    public const string ClaimProgress = "claim-progress";

    /// <summary>The requester confirming a need was met (回访): satisfied or not.</summary>
    public const string Confirm = "confirm";

    /// <summary>Confirming draft minutes (纪要确认), or objecting to one of their sections with a reason.</summary>
    public const string Minutes = "minutes";

    /// <summary>A question of the generic 征询参与者 (yes/no, a choice, a rating, a written answer…) asked by a workflow.</summary>
    public const string Ask = "ask";

    /// <summary>Every purpose.</summary>
    public static IReadOnlyList<string> All { get; } = [Nominate, Ballot, TimePoll, Rsvp, Vote, Progress, Proposal, FollowUp, Respond, Claim, ClaimProgress, Confirm, Minutes, Ask];

    /// <summary>Whether a purpose is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? purpose) => purpose is not null && All.Contains(purpose, StringComparer.Ordinal);
}
