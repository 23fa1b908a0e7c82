using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Implementation;

/// <summary>One person's follow-up: who was asked, for which group, and what they answered (null while unanswered).</summary>
/// <param name="Name">Who was asked.</param>
/// <param name="GroupId">The affected group they speak for; null for a party.</param>
/// <param name="Choice">满意 satisfied, fairly-satisfied or dissatisfied; null without an answer.</param>
/// <param name="Comment">Their comment, if any.</param>
/// <param name="Channel">How the answer came: link or proxy; null without an answer.</param>
public sealed record FollowUpAnswer(string Name, Guid? GroupId, string? Choice, string? Comment, string? Channel);

/// <summary>A case's follow-up (回访) as staff follow it: the counts and each person's answer.</summary>
/// <param name="Summary">The counts by answer.</param>
/// <param name="ClosesAt">When the window ends; null before the follow-up started.</param>
/// <param name="Answers">Each person asked, in the order asked.</param>
public sealed record FollowUpOverview(SatisfactionSummary Summary, DateTimeOffset? ClosesAt, IReadOnlyList<FollowUpAnswer> Answers);

/// <summary>Reads a case's follow-up for the case page.</summary>
public sealed class FollowUpResults(ICivicDatabase database)
{
    /// <summary>The case's follow-up; empty before it started.</summary>
    /// <exception cref="Engine.Runtime.WorkflowException">No such case in the community (404).</exception>
    public async Task<FollowUpOverview> GetAsync(Guid communityId, Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await ActionItemStore.RequireCaseAsync(db, communityId, caseId, cancellationToken);
        var requests = (await db.FollowUpRequests.Where(r => r.CaseId == caseId && r.CommunityId == communityId).ToListAsync(cancellationToken))
            .OrderBy(r => r.AskedAt).ThenBy(r => r.TaskId).ToList();
        var taskIds = requests.Select(r => r.TaskId).ToList();
        var answers = await Satisfaction.CurrentAnswersAsync(db, taskIds, cancellationToken);
        var personIds = requests.Select(r => r.PersonId).ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var closesAt = taskIds.Count == 0 ? null
            : (await db.Tasks.Where(t => taskIds.Contains(t.Id)).Select(t => t.ClosesAt).ToListAsync(cancellationToken)).Max();
        var rows = requests.Select(r =>
        {
            var answer = answers.GetValueOrDefault(r.TaskId);
            return new FollowUpAnswer(names.GetValueOrDefault(r.PersonId, ""), r.GroupId, Satisfaction.ChoiceOf(answer), answer is null ? null : TaskForm.CommentOf(answer.Answer), answer?.Channel);
        }).ToList();
        return new FollowUpOverview(Satisfaction.Summarize(rows.Select(r => r.Choice)), closesAt, rows);
    }
}
