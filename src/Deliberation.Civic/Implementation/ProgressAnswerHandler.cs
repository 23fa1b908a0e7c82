using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Progress reports on action items (purpose <c>progress</c>): each answer to an item's progress task adds a report and
/// updates the item's percentage; "done" marks the item done, closes the task and — only then — resumes the workflow,
/// whose per-item wait listens for <see cref="ActionItemStore.DoneSignal"/>.
/// </summary>
public sealed class ProgressAnswerHandler(ActionItemPhotos photos, TimeProvider time) : ITaskAnswerHandler
{
    /// <inheritdoc/>
    public string Purpose => TaskPurposes.Progress;

    /// <inheritdoc/>
    public ValueTask<bool> ResumesWorkflowAsync(ParticipationTask task, JsonObject answer, CancellationToken cancellationToken) =>
        new(answer?["done"] is JsonValue done && done.GetValue<bool>());

    /// <inheritdoc/>
    public async Task OnRecordedAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(answer);
        // A progress task staff created by hand (Tasks API) is not an action item's: nothing more to write.
        var itemId = await db.ActionItemAssignments.AsNoTracking().Where(a => a.TaskId == task.Id).Select(a => (Guid?)a.ActionItemId).FirstOrDefaultAsync(cancellationToken);
        if (itemId is null) return;
        await WriteAsync(db, photos, task.CommunityId, itemId.Value, normalized, answer.Channel, answer.Id, answer.EnteredByUserId, time.GetUtcNow(), cancellationToken);
        if (normalized["done"] is JsonValue done && done.GetValue<bool>())
            await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Adds a report (a normalised progress answer) and updates the item, saving both.</summary>
    /// <exception cref="WorkflowException">The item is done already (409), or the named photo was not stored for it (400).</exception>
    internal static async Task<ActionItemProgress> WriteAsync(ICivicSession db, ActionItemPhotos photos, Guid communityId, Guid itemId, JsonObject report,
        string channel, Guid? answerId, Guid? enteredBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var percent = report["percent"]!.GetValue<int>();
        var done = report["done"] is JsonValue d && d.GetValue<bool>();
        Guid? photoId = report["photoId"] is JsonValue p ? Guid.Parse(p.GetValue<string>()) : null;
        string? contentType = null;
        if (photoId is { } id)
        {
            contentType = photos.Find(communityId, itemId, id)?.ContentType
                ?? throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-answer", "The photo named in the report was not sent with it; nothing was recorded.")
                    { FieldErrors = new Dictionary<string, FieldError[]> { ["photoId"] = [ActionItemFields.PhotoByForm.Error()] } };
        }
        var update = db.ActionItems.Where(i => i.Id == itemId && i.CommunityId == communityId && i.Status == ActionItemStatuses.Open);
        var changed = done
            ? await update.ExecuteUpdateAsync(s => s.SetProperty(i => i.Percent, 100).SetProperty(i => i.Status, ActionItemStatuses.Done).SetProperty(i => i.DoneAt, now), cancellationToken)
            : await update.ExecuteUpdateAsync(s => s.SetProperty(i => i.Percent, percent), cancellationToken);
        if (changed == 0)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "action-item-done", "The action item is done already; nothing was recorded.");
        var row = new ActionItemProgress
        {
            Id = Guid.CreateVersion7(now), ActionItemId = itemId, CommunityId = communityId, Percent = percent, Done = done,
            Note = report["comment"]?.GetValue<string>(), PhotoId = photoId, PhotoContentType = contentType, At = now, Channel = channel,
            TaskAnswerId = answerId, EnteredByUserId = enteredBy,
        };
        db.ActionItemProgress.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
