namespace Deliberation.Civic.Escalations;

/// <summary>What to escalate. The store checks it and refuses a bad one (400, errors by field).</summary>
/// <param name="CommunityId">The community; its escalation contacts and staff accounts are told.</param>
/// <param name="CaseId">The deliberation case, if any; it must belong to the community.</param>
/// <param name="Kind">One of <see cref="EscalationKinds"/> or another kind of the same shape.</param>
/// <param name="Subject">One line, at most <see cref="EscalationRules.MaxSubjectLength"/> characters, e.g. 5栋电梯维修任务逾期未完成.</param>
/// <param name="Body">What happened and what is asked, in Chinese, at most <see cref="EscalationRules.MaxBodyLength"/> characters.</param>
/// <param name="RelatedId">What it concerns (an action item, a meeting); with it, the same kind is raised once for the same thing.</param>
/// <param name="InstanceId">The workflow instance raising it, if any.</param>
public sealed record EscalationRequest(Guid CommunityId, Guid? CaseId, string Kind, string Subject, string Body, Guid? RelatedId = null, Guid? InstanceId = null);
