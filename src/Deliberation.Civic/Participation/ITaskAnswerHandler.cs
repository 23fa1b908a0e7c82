using System.Text.Json.Nodes;
using Deliberation.Civic.Data;

namespace Deliberation.Civic.Participation;

/// <summary>
/// Domain rows that go with the answers of one task purpose (a progress report updates its action item; a follow-up
/// answer may complete the follow-up). <see cref="TaskStore"/> calls the handler of the task's purpose for every
/// answer — by link or on the person's behalf — inside the answer's transaction.
/// </summary>
public interface ITaskAnswerHandler
{
    /// <summary>The purpose handled, one of <see cref="TaskPurposes.All"/>.</summary>
    string Purpose { get; }

    /// <summary>
    /// Whether this answer resumes the task's workflow instance through its signal; when false the answer is recorded
    /// without resuming it (a progress report short of done, a follow-up answer while others are still missing).
    /// </summary>
    ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the rows that go with the answer to <paramref name="db"/> in the answer's transaction and saves them.
    /// The context may not track queries: change existing rows with <c>ExecuteUpdateAsync</c>. Throw a
    /// <see cref="Deliberation.Engine.Runtime.WorkflowException"/> to refuse the answer: nothing is recorded.
    /// </summary>
    Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken);
}
