using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>Progress reports that staff or building heads enter for a responsible party; a done report resumes the workflow.</summary>
public sealed class PartyReports(ICivicDatabase database, ActionItemStore items, TaskStore tasks, WorkflowRuntime runtime, ActionItemPhotos photos,
    TimeProvider time)
{
    private static readonly TaskForm ProgressForm = TaskForm.Parse("""{"form":"progress"}""");

    /// <summary>
    /// Records a progress report that staff (or a building head) enter for the party — from a phone call, a visit, or for an
    /// item without a reporting person: <c>{"percent": 0–100, "done": false, "comment": "…"}</c>, as channel <c>proxy</c>.
    /// An item with a progress task records it as that task's answer (so the person's link shows it); a done report
    /// resumes the workflow as the link would.
    /// </summary>
    /// <exception cref="WorkflowException">No such item (404); the item is done (409); an invalid report (400).</exception>
    public async Task<ActionItemEntry> ReportForPartyAsync(Guid communityId, Guid itemId, JsonObject? report, Guid enteredByUserId, CancellationToken cancellationToken)
    {
        Guid caseId;
        Guid? taskId;
        Guid? instanceId;
        await using (var db = database.Open())
        {
            var item = await db.ActionItems.FirstOrDefaultAsync(i => i.Id == itemId && i.CommunityId == communityId, cancellationToken) ?? throw ActionItemStore.ItemNotFound(itemId);
            if (item.Status == ActionItemStatuses.Done) throw new WorkflowException(WorkflowErrorKind.Conflict, "action-item-done", "The action item is done already; nothing was recorded.");
            var assignment = await db.ActionItemAssignments.FirstOrDefaultAsync(a => a.ActionItemId == itemId, cancellationToken);
            (caseId, taskId, instanceId) = (item.CaseId, assignment?.TaskId, assignment?.InstanceId);
        }
        if (report?["photoId"] is not null)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-answer", "Photos come with the report page's form; nothing was recorded.")
                { FieldErrors = new Dictionary<string, FieldError[]> { ["answer"] = [ActionItemFields.PhotoIdNotAllowed.Error()] } };
        if (taskId is { } task)
        {
            await tasks.RecordProxyAnswerAsync(task, report, enteredByUserId, cancellationToken);
        }
        else
        {
            if (ProgressForm.TryNormalize(report, out var normalized) is not null)
                throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-answer", "The report does not fit: expected {\"percent\": 0–100, \"done\": false, \"comment\": \"…\"}; nothing was recorded.")
                    { FieldErrors = new Dictionary<string, FieldError[]> { ["answer"] = [ActionItemFields.ProgressRequired.Error()] } };
            var now = time.GetUtcNow();
            async Task WriteAsync(ICivicSession db, CancellationToken ct) =>
                await ProgressAnswerHandler.WriteAsync(db, photos, communityId, itemId, normalized, TaskChannels.Proxy, null, enteredByUserId, now, ct);
            var resumed = false;
            if (instanceId is { } instance && normalized["done"]!.GetValue<bool>())
            {
                try
                {
                    await runtime.SignalAsync(instance, ActionItemStore.DoneSignal(itemId), normalized.DeepClone(), null, async (step, ct) =>
                    {
                        await using var db = await database.OpenInStepAsync(step, ct);
                        await WriteAsync(db, ct);
                    }, cancellationToken);
                    resumed = true;
                }
                catch (WorkflowException ex) when (ex.Code is "signal-not-awaited" or "instance-ended" or "instance-not-found")
                {
                    // The workflow is not waiting for this item (it ended, or has not got there): the report stands on its own.
                }
            }
            if (!resumed)
            {
                await using var db = database.Open();
                await using var transaction = await db.BeginTransactionAsync(cancellationToken);
                await WriteAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        return (await items.ListAsync(communityId, caseId, cancellationToken)).Items.Single(i => i.Item.Id == itemId);
    }

}
