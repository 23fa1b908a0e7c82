using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Asking;

/// <summary>
/// Answers to 征询参与者 (purpose <c>ask</c>): the answer is the task answer itself. Only a person's first answer resumes
/// the waiting step — it is what may complete the count or reach the quorum; a changed answer is recorded on its own and
/// counted when the step ends. Two first answers at once may both resume it; the step counts again each time.
/// </summary>
public sealed class AskAnswerHandler(ICivicDatabase database) : ITaskAnswerHandler
{
    /// <inheritdoc/>
    public string Purpose => TaskPurposes.Ask;

    /// <inheritdoc/>
    public async ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = database.Open();
        return !await db.TaskAnswers.AnyAsync(a => a.TaskId == task.Id && a.IsCurrent, cancellationToken);
    }

    /// <inheritdoc/>
    public Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
