using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// Answers to draft minutes (purpose <c>minutes</c>): an objection is recorded against its section; a confirmation
/// withdraws the participant's open objections, and resumes the workflow (<see cref="MinutesConfirmation.ConfirmedSignal"/>)
/// once every participant has confirmed, so the minutes are sealed before the window ends. Two last confirmations at the
/// same instant may each see the other missing; the window's end then seals them.
/// </summary>
public sealed class MinutesAnswerHandler(MinutesConfirmation confirmation) : ITaskAnswerHandler
{
    /// <inheritdoc/>
    public string Purpose => TaskPurposes.Minutes;

    /// <inheritdoc/>
    public async ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(answer);
        return (string?)answer["choice"] == MinutesConfirmation.ConfirmChoice && task.MeetingId is { } meetingId
            && await confirmation.AllConfirmedAsync(meetingId, task.Id, cancellationToken);
    }

    /// <inheritdoc/>
    public Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken) =>
        MinutesConfirmation.RecordAnswerAsync(db, task, answer, normalized, cancellationToken);
}
