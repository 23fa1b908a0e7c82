using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Responses;

/// <summary>
/// Answers to a matter's task (purpose <c>respond</c>): the first answer marks the matter handled — when, by whom and at
/// which level — and closes every task of the matter, so nobody else is asked to handle it again. While the workflow waits,
/// the answer resumes it; an answer after the top level missed its deadline (the workflow has moved on) still marks the
/// matter handled, late.
/// </summary>
public sealed class RespondAnswerHandler(ICivicDatabase database) : ITaskAnswerHandler
{
    /// <inheritdoc/>
    public string Purpose => TaskPurposes.Respond;

    /// <inheritdoc/>
    public async ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = database.Open();
        var responseId = await db.TimedResponseTasks.Where(t => t.TaskId == task.Id).Select(t => (Guid?)t.ResponseId).FirstOrDefaultAsync(cancellationToken);
        return responseId is null || await db.TimedResponses.AnyAsync(r => r.Id == responseId && r.Status == ResponseStatuses.Open, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(answer);
        var sent = await db.TimedResponseTasks.AsNoTracking().FirstOrDefaultAsync(t => t.TaskId == task.Id, cancellationToken);
        if (sent is null) return;
        DateTimeOffset? at = answer.AnsweredAt;
        int? level = sent.Level;
        Guid? person = task.PersonId, taskId = task.Id;
        var marked = await db.TimedResponses.Where(r => r.Id == sent.ResponseId && r.HandledAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.HandledAt, at).SetProperty(r => r.HandledLevel, level).SetProperty(r => r.HandledByPersonId, person)
            .SetProperty(r => r.HandledTaskId, taskId).SetProperty(r => r.Status, ResponseStatuses.Handled), cancellationToken);
        if (marked == 0) return;
        var tasks = db.TimedResponseTasks.Where(t => t.ResponseId == sent.ResponseId).Select(t => t.TaskId);
        await db.Tasks.Where(t => tasks.Contains(t.Id) && t.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, at), cancellationToken);
    }
}
