using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Follow-up answers (purpose <c>follow-up</c>): the answer is the task answer itself; it resumes the workflow
/// (signal <see cref="FollowUpStore.CompleteSignal"/>) once every representative asked about the case has answered,
/// so the case closes without waiting for the end of the window. Two last answers at the same instant may both see the
/// other missing; the window's end then closes the case.
/// </summary>
public sealed class FollowUpAnswerHandler(ICivicDatabase database) : ITaskAnswerHandler
{
    /// <inheritdoc/>
    public string Purpose => TaskPurposes.FollowUp;

    /// <inheritdoc/>
    public async ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = database.Open();
        var request = await db.FollowUpRequests.FirstOrDefaultAsync(r => r.TaskId == task.Id, cancellationToken);
        if (request is null) return true;
        return !await db.FollowUpRequests.Where(r => r.CaseId == request.CaseId && r.TaskId != task.Id)
            .AnyAsync(r => !db.TaskAnswers.Any(a => a.TaskId == r.TaskId && a.IsCurrent), cancellationToken);
    }

    /// <inheritdoc/>
    public Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
