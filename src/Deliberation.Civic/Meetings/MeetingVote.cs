namespace Deliberation.Civic.Meetings;

/// <summary>
/// A vote at a meeting on a question (usually a proposal), under the case's rules of procedure as they were when
/// it opened. Present voters' choices are recorded in meeting mode; absent voters may vote by link while it is
/// open when the rules allow. Each closed vote is one decision round.
/// </summary>
public sealed class MeetingVote
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The meeting.</summary>
    public Guid MeetingId { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The proposal voted on, if any.</summary>
    public Guid? ProposalId { get; set; }

    /// <summary>The question, e.g. 是否同意按方案二加装电梯.</summary>
    public string Question { get; set; } = "";

    /// <summary>The rules of procedure, as JSON (<see cref="Decisions.RulesDocument"/>).</summary>
    public string Rules { get; set; } = "{}";

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string Status { get; set; } = VoteStatuses.Open;

    /// <summary>When it opened.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When it closed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Whether it passed, once closed.</summary>
    public bool? Passed { get; set; }

    /// <summary>The counted result (figures and explanations), as JSON, once closed.</summary>
    public string? Result { get; set; }
}
