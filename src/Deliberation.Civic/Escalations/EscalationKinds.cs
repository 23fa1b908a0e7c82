using System.Text.RegularExpressions;

namespace Deliberation.Civic.Escalations;

/// <summary>The kinds of escalation the deliberation raises. Stable strings; workflows may name others of the same shape.</summary>
public static partial class EscalationKinds
{
    /// <summary>An action item is past its due date and not done (step 5).</summary>
    public const string ActionItemOverdue = "action-item-overdue";

    /// <summary>Confirmed attendance stayed below quorum (step 3).</summary>
    public const string QuorumNotReached = "quorum-not-reached";

    /// <summary>No decision after the configured number of rounds (step 4).</summary>
    public const string RoundsExhausted = "rounds-exhausted";

    /// <summary>An election's nominations closed with nobody nominated; the workflow reopened them (step 2).</summary>
    public const string NoCandidates = "no-candidates";

    /// <summary>A matter to respond to within a deadline was not handled in time at one level of its ladder and went up one level.</summary>
    public const string ResponseOverdue = "response-overdue";

    /// <summary>The top of a matter's ladder missed its deadline too (the <c>xiangying-shixian</c> workflow raises it).</summary>
    public const string ResponseUnhandled = "response-unhandled";

    /// <summary>A need of the needs list was published and nobody claimed it in the claim window (三单).</summary>
    public const string NeedUnclaimed = "need-unclaimed";

    /// <summary>The requester of a need was not satisfied with how it was done (三单, 回访).</summary>
    public const string NeedNotSatisfied = "need-not-satisfied";

    /// <summary>Nobody confirmed a need reported done within the confirmation window (三单, 回访).</summary>
    public const string NeedUnconfirmed = "need-unconfirmed";

    /// <summary>The longest kind.</summary>
    public const int MaxLength = 40;

    /// <summary>Whether a kind has the shape of a stable code: lower-case letters and digits joined by single hyphens, at most <see cref="MaxLength"/>.</summary>
    public static bool IsValid(string? kind) => kind is { Length: > 0 and <= MaxLength } && Shape().IsMatch(kind);

    /// <summary>The kind's Chinese name for the email subject; the code itself for a kind this list does not know.</summary>
    public static string Describe(string kind) => kind switch
    {
        ActionItemOverdue => "任务逾期",
        QuorumNotReached => "参会人数未达法定人数",
        RoundsExhausted => "多轮表决仍未形成决议",
        ResponseOverdue => "逾期未处理，已升级",
        ResponseUnhandled => "逐级升级后仍未处理",
        NeedUnclaimed => "需求无人认领",
        NeedNotSatisfied => "需求回访不满意",
        NeedUnconfirmed => "需求回访未答复",
        _ => kind,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
