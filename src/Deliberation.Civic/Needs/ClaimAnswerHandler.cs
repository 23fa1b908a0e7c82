using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Needs;

/// <summary>
/// Claims (purpose <c>claim</c>): the first claim of a published need wins. The database decides, not this process: the
/// need changes from published to claimed only where it is still published (one conditional update), so of two claims at
/// the same moment — on one host or two — exactly one changes a row; the other is refused with <c>need-claimed</c> and
/// records nothing. The winner's claim closes every claim link of the need and resumes the workflow.
/// </summary>
public sealed class ClaimAnswerHandler(TimeProvider time) : ITaskAnswerHandler
{
    /// <summary>The one option of a claim form.</summary>
    public const string ClaimChoice = "claim";

    /// <inheritdoc/>
    public string Purpose => TaskPurposes.Claim;

    /// <inheritdoc/>
    public ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken) => new(true);

    /// <inheritdoc/>
    public async Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        var offer = await db.NeedTasks.AsNoTracking().FirstOrDefaultAsync(o => o.TaskId == task.Id && o.Purpose == TaskPurposes.Claim, cancellationToken);
        // A claim task staff created by hand (Tasks API) offers no need: nothing more to write.
        if (offer is null) return;
        var now = time.GetUtcNow();
        var won = await db.Needs.Where(n => n.Id == offer.NeedId && n.CommunityId == task.CommunityId && n.Status == NeedStatuses.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NeedStatuses.Claimed).SetProperty(n => n.ClaimantOrganisationId, offer.OrganisationId)
                .SetProperty(n => n.ClaimantPersonId, offer.PersonId).SetProperty(n => n.ClaimantName, offer.Name)
                .SetProperty(n => n.ClaimedAt, now).SetProperty(n => n.UpdatedAt, now), cancellationToken);
        if (won == 0)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "need-claimed", "The need was claimed by someone else, or is no longer open for claiming; nothing was recorded.");
        await NeedStore.CloseTasksAsync(db, offer.NeedId, TaskPurposes.Claim, now, cancellationToken);
    }
}
