namespace Deliberation.Civic.Responses;

/// <summary>A matter to give to the ladder, as <see cref="RespondWithinActivity"/> read it from its inputs.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="InstanceId">The workflow instance that waits for it.</param>
/// <param name="Subject">One line, e.g. 5栋楼道灯不亮.</param>
/// <param name="Description">What was reported beyond the subject, if anything.</param>
/// <param name="CaseId">The case it concerns, if any.</param>
/// <param name="ComplaintId">The complaint it concerns, if any (its building finds the grid worker, its time of logging is when it was reported).</param>
/// <param name="DeadlineClass">The class code (<see cref="DeadlineClasses"/>).</param>
/// <param name="Deadline">How long each level has.</param>
/// <param name="ReportedAt">When it was reported, if not when the complaint was logged or now.</param>
/// <param name="Ladder">The levels, lowest first, with their people.</param>
public sealed record ResponseStart(Guid CommunityId, Guid InstanceId, string Subject, string? Description, Guid? CaseId, Guid? ComplaintId,
    string DeadlineClass, TimeSpan Deadline, DateTimeOffset? ReportedAt, IReadOnlyList<LadderLevel> Ladder);
