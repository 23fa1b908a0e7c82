using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Needs;

/// <summary>
/// The requester's confirmation (purpose <c>confirm</c>, 回访): satisfied confirms the need; not satisfied keeps it done with
/// the comment for staff to follow up. One answer: the link closes with it, and the workflow resumes.
/// </summary>
public sealed class ConfirmAnswerHandler(TimeProvider time) : ITaskAnswerHandler
{
    /// <summary>The option of a satisfied requester.</summary>
    public const string Satisfied = "satisfied";

    /// <summary>The option of a requester who is not satisfied.</summary>
    public const string NotSatisfied = "not-satisfied";

    /// <inheritdoc/>
    public string Purpose => TaskPurposes.Confirm;

    /// <inheritdoc/>
    public ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken) => new(true);

    /// <inheritdoc/>
    public async Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(normalized);
        var needId = await db.NeedTasks.AsNoTracking().Where(o => o.TaskId == task.Id && o.Purpose == TaskPurposes.Confirm)
            .Select(o => (Guid?)o.NeedId).FirstOrDefaultAsync(cancellationToken);
        if (needId is not { } id) return;
        var now = time.GetUtcNow();
        var satisfied = normalized["choice"]?.GetValue<string>() == Satisfied;
        if (!await NeedStore.RecordConfirmationAsync(db, id, satisfied, normalized["comment"]?.GetValue<string>(), now, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "need-not-done", "The need is not waiting for a confirmation (answered already, or closed); nothing was recorded.");
        await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), cancellationToken);
    }
}
