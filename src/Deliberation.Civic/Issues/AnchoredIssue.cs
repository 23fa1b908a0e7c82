using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Issues;

/// <summary>The result of anchoring a complaint as a deliberation's issue.</summary>
/// <param name="Complaint">The complaint, now anchored, with its case number and instance.</param>
/// <param name="Instance">The deliberation workflow instance that started.</param>
/// <param name="Ranking">Its place in the ranking when it was anchored.</param>
/// <param name="NoticesQueued">Public notices (公示) queued, one per building head with an email.</param>
/// <param name="BuildingsWithoutNotice">Affected building groups whose heads have no email (staff tell them otherwise).</param>
public sealed record AnchoredIssue(Complaint Complaint, StepReport Instance, RankedComplaint Ranking, int NoticesQueued, IReadOnlyList<string> BuildingsWithoutNotice)
{
    /// <summary>The deliberation case opened at launch, when the kind of matter required advisors or rules; null otherwise.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>The advisors seated on the case's panel because the kind of matter requires them.</summary>
    public IReadOnlyList<SeatedAdvisor> Advisors { get; init; } = [];

    /// <summary>Advisor kinds the kind of matter requires that nobody was seated for (none on the roster, or staff chose none): staff must add them.</summary>
    public IReadOnlyList<string> MissingAdvisors { get; init; } = [];
}
