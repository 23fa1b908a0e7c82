using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Needs;

/// <summary>
/// The claimant's progress reports (purpose <c>claim-progress</c>): each report sets the need's percentage, note and photo;
/// "done" marks the need done, closes the link and — only then — resumes the workflow, which asks the requester to confirm.
/// </summary>
public sealed class ClaimProgressAnswerHandler(NeedPhotos photos, TimeProvider time) : ITaskAnswerHandler
{
    /// <inheritdoc/>
    public string Purpose => TaskPurposes.ClaimProgress;

    /// <inheritdoc/>
    public ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken) =>
        new(answer?["done"] is JsonValue done && done.GetValue<bool>());

    /// <inheritdoc/>
    public async Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(normalized);
        var needId = await db.NeedTasks.AsNoTracking().Where(o => o.TaskId == task.Id && o.Purpose == TaskPurposes.ClaimProgress)
            .Select(o => (Guid?)o.NeedId).FirstOrDefaultAsync(cancellationToken);
        if (needId is not { } id) return;
        var now = time.GetUtcNow();
        var done = normalized["done"] is JsonValue d && d.GetValue<bool>();
        var percent = normalized["percent"]!.GetValue<int>();
        var note = normalized["comment"]?.GetValue<string>();
        Guid? photoId = normalized["photoId"] is JsonValue p ? Guid.Parse(p.GetValue<string>()) : null;
        if (photoId is { } photo && photos.Find(task.CommunityId, id, photo) is null)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-answer", "The photo named in the report was not sent with it; nothing was recorded.");
        var need = db.Needs.Where(n => n.Id == id && n.CommunityId == task.CommunityId && n.Status == NeedStatuses.Claimed);
        var changed = await need.ExecuteUpdateAsync(s =>
        {
            s.SetProperty(n => n.Percent, percent).SetProperty(n => n.ProgressNote, note).SetProperty(n => n.ProgressAt, now).SetProperty(n => n.UpdatedAt, now);
            if (photoId is not null) s.SetProperty(n => n.ProgressPhotoId, photoId);
            if (done) s.SetProperty(n => n.Status, NeedStatuses.Done).SetProperty(n => n.DoneAt, now);
        }, cancellationToken);
        if (changed == 0)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "need-not-claimed", "The need is no longer being carried out (done or closed); nothing was recorded.");
        if (done) await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), cancellationToken);
    }
}
