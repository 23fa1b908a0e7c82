using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Nominations by link (purpose <c>nominate</c>): each answer is the voter's whole current nomination — the people they
/// name, at most the election's seats — and <see cref="ElectionStore"/> records it on the election's candidates in the
/// answer's transaction, under the same rules as a nomination staff enter. Nothing waits for it in the workflow: the
/// nominations close on the workflow's own timer.
/// </summary>
public sealed class NominationAnswerHandler(ElectionStore elections) : ITaskAnswerHandler
{
    /// <inheritdoc/>
    public string Purpose => TaskPurposes.Nominate;

    /// <inheritdoc/>
    public ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    /// <inheritdoc/>
    public Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(answer);
        // The values are the options' person ids, checked against the options before this is called.
        var nominees = TaskForm.ChosenValues(answer.Answer).Select(Guid.Parse).ToList();
        return elections.RecordNominationsAsync(db, task, nominees, cancellationToken);
    }
}
