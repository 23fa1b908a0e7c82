using System.Text.Json.Nodes;
using Deliberation.Civic;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Action items of step 5 (推动落实): staff create them per responsible party; the workflow assigns them (a progress task
/// by link and an assignment email per item), reminds before the due date, escalates overdue ones, and goes on when
/// every item is done. Refusals are <see cref="WorkflowException"/>s: <c>case-not-found</c>, <c>action-item-not-found</c>,
/// <c>photo-not-found</c> (404); <c>invalid-input</c> (400, errors by field); <c>case-closed</c>, <c>action-item-done</c>,
/// <c>no-action-items</c> (409).
/// </summary>
/// <remarks>The workflow's activities use this store, so it must not depend on <see cref="WorkflowRuntime"/> (whose activity
/// registry holds them): what resumes the workflow lives in <see cref="PartyReports"/>.</remarks>
public sealed class ActionItemStore(ICivicDatabase database, AnswerLinks links, ActionItemPhotos photos, TimeProvider time)
{
    /// <summary>The prefix of the signal sent to the workflow when an item is done: <c>action-item-done-{item id}</c>.</summary>
    public const string DoneSignalPrefix = "action-item-done-";

    /// <summary>The signal an item's done report sends to the workflow that assigned it (the item id in its "D" form, as the workflow's output has it).</summary>
    public static string DoneSignal(Guid itemId) => DoneSignalPrefix + itemId.ToString("D");

    /// <summary>Creates an action item for a case.</summary>
    /// <exception cref="WorkflowException">No such case in the community (404); the case is closed (409); invalid fields (400).</exception>
    public async Task<ActionItem> CreateAsync(Guid communityId, Guid caseId, ActionItemDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var found = await RequireCaseAsync(db, communityId, caseId, cancellationToken);
        if (found.ClosedAt is not null) throw CaseClosed();
        var organisation = draft.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId && o.CommunityId == communityId, cancellationToken)
            : null;
        if (organisation is not null)
        {
            // An organisation's item: its name is the party and its representative reports, unless staff say otherwise.
            var representative = draft.PersonId is null
                ? await db.OrganisationContacts.AsNoTracking().Where(c => c.OrganisationId == organisation.Id && c.IsRepresentative).Select(c => c.PersonId).FirstOrDefaultAsync(cancellationToken)
                : null;
            draft = draft with
            {
                ResponsibleParty = string.IsNullOrWhiteSpace(draft.ResponsibleParty) ? organisation.Name : draft.ResponsibleParty,
                PersonId = draft.PersonId ?? representative,
            };
        }
        var personBelongs = draft.PersonId is { } personId && await db.People.AnyAsync(p => p.Id == personId && p.CommunityId == communityId, cancellationToken);
        var errors = ActionItemValidator.Validate(draft, now, personBelongs);
        if (draft.OrganisationId is not null && organisation is null) errors["organisationId"] = [Organisations.OrganisationFields.Unknown.Error()];
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The action item is missing something or has invalid values; nothing was created.") { FieldErrors = errors };
        var shares = draft.Funding?.OfType<FundingShareDraft>().ToList() ?? [];
        var item = new ActionItem
        {
            Id = Guid.CreateVersion7(now), CommunityId = communityId, CaseId = caseId, MeetingId = draft.MeetingId, Title = draft.Title!.Trim(),
            ResponsibleParty = draft.ResponsibleParty!.Trim(), OrganisationId = organisation?.Id, PersonId = draft.PersonId, DueAt = draft.DueAt!.Value,
            // Sources given without a budget make it.
            Budget = draft.Budget ?? (shares.Count > 0 ? shares.Sum(s => s.Amount!.Value) : null),
            FundingSource = string.IsNullOrWhiteSpace(draft.FundingSource) ? null : draft.FundingSource.Trim(), Percent = 0,
            Status = ActionItemStatuses.Open, CreatedAt = now,
        };
        db.ActionItems.Add(item);
        db.FundingShares.AddRange(shares.Select((s, i) => new FundingShare
        {
            Id = Guid.CreateVersion7(now), CommunityId = communityId, ActionItemId = item.Id, Position = i, Source = s.Source!, Amount = s.Amount!.Value,
            Detail = string.IsNullOrWhiteSpace(s.Detail) ? null : s.Detail.Trim(),
        }));
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    /// <summary>A case's action items with their reports, and the overall progress.</summary>
    /// <exception cref="WorkflowException">No such case in the community (404).</exception>
    public async Task<ActionItemsOverview> ListAsync(Guid communityId, Guid caseId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var found = await RequireCaseAsync(db, communityId, caseId, cancellationToken);
        var items = (await db.ActionItems.Where(i => i.CaseId == caseId && i.CommunityId == communityId).ToListAsync(cancellationToken))
            .OrderBy(i => i.DueAt).ThenBy(i => i.CreatedAt).ToList();
        var ids = items.Select(i => i.Id).ToList();
        var reports = (await db.ActionItemProgress.Where(p => ids.Contains(p.ActionItemId)).ToListAsync(cancellationToken)).ToLookup(p => p.ActionItemId);
        var assignments = await db.ActionItemAssignments.Where(a => ids.Contains(a.ActionItemId)).ToDictionaryAsync(a => a.ActionItemId, cancellationToken);
        var personIds = items.Select(i => i.PersonId).OfType<Guid>().Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var funding = (await db.FundingShares.Where(s => ids.Contains(s.ActionItemId)).ToListAsync(cancellationToken)).ToLookup(s => s.ActionItemId);
        var entries = items.Select(i => new ActionItemEntry(i, i.PersonId is { } p ? names.GetValueOrDefault(p) : null,
            reports[i.Id].OrderBy(r => r.At).ThenBy(r => r.Id).ToList(), assignments.GetValueOrDefault(i.Id),
            i.Status == ActionItemStatuses.Open && i.DueAt <= now, funding[i.Id].OrderBy(s => s.Position).ToList())).ToList();
        return new ActionItemsOverview(caseId, found.ClosedAt, entries, ImplementationProgress.Of(items, now));
    }

    /// <summary>Stores a photo (re-encoded by <see cref="PhotoSanitizer"/>) sent with a progress report through the task's link; returns its id for the report.</summary>
    /// <exception cref="WorkflowException">The task is no action item's (404).</exception>
    public async Task<Guid> SavePhotoAsync(ParticipationTask task, SanitizedPhoto photo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = database.Open();
        var itemId = await db.ActionItemAssignments.Where(a => a.TaskId == task.Id).Select(a => (Guid?)a.ActionItemId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "action-item-not-found", "The task belongs to no action item.");
        return await photos.SaveAsync(task.CommunityId, itemId, photo, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>A photo of an item's progress report and its bytes.</summary>
    /// <exception cref="WorkflowException">No such item or photo (404).</exception>
    public async Task<(ActionItemProgress Report, byte[] Content)> OpenPhotoAsync(Guid communityId, Guid itemId, Guid photoId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var report = await db.ActionItemProgress.FirstOrDefaultAsync(p => p.ActionItemId == itemId && p.CommunityId == communityId && p.PhotoId == photoId, cancellationToken);
        var found = report is null ? null : await photos.ReadAsync(communityId, itemId, photoId, cancellationToken);
        return found is { } content
            ? (report!, content)
            : throw new WorkflowException(WorkflowErrorKind.NotFound, "photo-not-found", $"Action item {itemId} has no photo {photoId}.");
    }

    /// <summary>
    /// Assigns every open item of a case (in <paramref name="db"/>, a context in the caller's transaction, without saving):
    /// a progress task bound to the item's person, resuming <paramref name="instanceId"/> with <see cref="DoneSignal"/> when
    /// the item is reported done, and the assignment email with its link; the reminder <paramref name="reminderBefore"/> the
    /// due date, out of the quiet hours. An item assigned before (by an earlier instance) keeps its task, now resuming this one.
    /// </summary>
    /// <exception cref="WorkflowException">No such case (404); the case is closed, or has no action items (409).</exception>
    internal async Task<IReadOnlyList<AssignedItem>> AssignAsync(ICivicSession db, Guid communityId, Guid caseId, Guid instanceId, TimeSpan reminderBefore,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await RequireCaseAsync(db, communityId, caseId, cancellationToken);
        if (found.ClosedAt is not null) throw CaseClosed();
        var items = await db.ActionItems.AsNoTracking().Where(i => i.CaseId == caseId && i.CommunityId == communityId).ToListAsync(cancellationToken);
        if (items.Count == 0)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "no-action-items",
                "The case has no action items: add them (POST …/cases/{caseId}/action-items), then retry the step.");
        var open = items.Where(i => i.Status == ActionItemStatuses.Open).OrderBy(i => i.DueAt).ThenBy(i => i.CreatedAt).ToList();
        var ids = open.Select(i => i.Id).ToList();
        var assigned = await db.ActionItemAssignments.AsNoTracking().Where(a => ids.Contains(a.ActionItemId)).ToDictionaryAsync(a => a.ActionItemId, cancellationToken);
        var personIds = open.Select(i => i.PersonId).OfType<Guid>().Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var caseLabel = CaseLabel(found);
        var funding = await ItemFunding.DescribeAsync(db, open, cancellationToken);

        var result = new List<AssignedItem>();
        foreach (var item in open)
        {
            if (assigned.TryGetValue(item.Id, out var earlier))
            {
                await db.ActionItemAssignments.Where(a => a.ActionItemId == item.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.InstanceId, instanceId), cancellationToken);
                if (earlier.TaskId is { } earlierTask)
                    await db.Tasks.Where(t => t.Id == earlierTask).ExecuteUpdateAsync(s => s.SetProperty(t => t.InstanceId, instanceId), cancellationToken);
                result.Add(new AssignedItem(item, earlier.ReminderAt is { } r && r > now ? r : null, earlier.Emailed));
                continue;
            }
            var reminderAt = ActionItemReminders.Plan(item.DueAt, reminderBefore, now);
            var assignment = new ActionItemAssignment
            {
                ActionItemId = item.Id, CommunityId = communityId, InstanceId = instanceId, AssignedAt = now, ReminderAt = reminderAt,
            };
            if (item.PersonId is { } personId && people.TryGetValue(personId, out var person))
            {
                var task = new ParticipationTask
                {
                    Id = Guid.CreateVersion7(now), CommunityId = communityId, PersonId = personId, InstanceId = instanceId, SignalName = DoneSignal(item.Id),
                    Purpose = TaskPurposes.Progress, Title = Truncate($"汇报进展：{item.Title}", TaskStore.MaxTitleLength),
                    Data = TaskData(item, caseLabel), CreatedAt = now, LinkVersion = 1,
                };
                db.Tasks.Add(task);
                assignment.TaskId = task.Id;
                if (!string.IsNullOrWhiteSpace(person.Email) && EmailAddresses.IsValid(person.Email.Trim()))
                {
                    db.QueueEmail(ImplementationEmails.Assignment(person.Email.Trim(), person.Name, caseLabel, item, links.CreateUrl(task, now),
                        funding.GetValueOrDefault(item.Id)), now, instanceId);
                    assignment.Emailed = true;
                }
            }
            db.ActionItemAssignments.Add(assignment);
            result.Add(new AssignedItem(item, reminderAt, assignment.Emailed));
        }
        return result;
    }

    /// <summary>
    /// Emails the reminder before the due date with the item's link (in <paramref name="db"/>, without saving). Nothing is sent
    /// for an item that is done, past due, reminded already, or whose person has no email; returns whether it was sent.
    /// </summary>
    /// <exception cref="WorkflowException">No such item (404).</exception>
    internal async Task<bool> RemindAsync(ICivicSession db, Guid communityId, Guid itemId, Guid? instanceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var item = await db.ActionItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.CommunityId == communityId, cancellationToken) ?? throw ItemNotFound(itemId);
        var assignment = await db.ActionItemAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.ActionItemId == itemId, cancellationToken);
        if (item.Status != ActionItemStatuses.Open || now >= item.DueAt || assignment?.TaskId is not { } taskId || assignment.RemindedAt is not null) return false;
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, cancellationToken);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == task.PersonId, cancellationToken);
        if (string.IsNullOrWhiteSpace(person.Email) || !EmailAddresses.IsValid(person.Email.Trim())) return false;
        var found = await RequireCaseAsync(db, communityId, item.CaseId, cancellationToken);
        var funding = await ItemFunding.DescribeAsync(db, [item], cancellationToken);
        db.QueueEmail(ImplementationEmails.Reminder(person.Email.Trim(), person.Name, CaseLabel(found), item, links.CreateUrl(task, now), funding.GetValueOrDefault(item.Id)),
            now, instanceId);
        await db.ActionItemAssignments.Where(a => a.ActionItemId == itemId).ExecuteUpdateAsync(s => s.SetProperty(a => a.RemindedAt, now), cancellationToken);
        return true;
    }

    /// <summary>
    /// Escalates an item that is still open at or after its due date (in <paramref name="db"/>, without saving): an escalation
    /// of kind <see cref="EscalationKinds.ActionItemOverdue"/> to the escalation contacts and staff, once per item. Returns
    /// null when the item is done or not due yet.
    /// </summary>
    /// <exception cref="WorkflowException">No such item (404).</exception>
    internal async Task<RaisedEscalation?> EscalateIfOverdueAsync(ICivicSession db, Guid communityId, Guid itemId, Guid? instanceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var item = await db.ActionItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.CommunityId == communityId, cancellationToken) ?? throw ItemNotFound(itemId);
        if (item.Status != ActionItemStatuses.Open || now < item.DueAt) return null;
        var found = await RequireCaseAsync(db, communityId, item.CaseId, cancellationToken);
        var person = item.PersonId is { } personId ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;
        var last = (await db.ActionItemProgress.AsNoTracking().Where(p => p.ActionItemId == itemId).ToListAsync(cancellationToken)).MaxBy(p => p.At);
        var body = new System.Text.StringBuilder()
            .Append($"“{CaseLabel(found)}”的协商决议中，以下任务已过完成期限，尚未完成：\n\n")
            .Append($"任务：{item.Title}\n责任方：{item.ResponsibleParty}\n")
            .Append($"完成期限：{BeijingTime.FormatChinese(item.DueAt)}（北京时间）\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"目前进度：{item.Percent}%\n");
        if (person is not null) body.Append($"汇报人：{person.Name}{(string.IsNullOrEmpty(person.Phone) ? "" : $"（电话 {person.Phone}）")}\n");
        body.Append(last is null ? "尚无进展汇报。\n" : $"最近汇报：{BeijingTime.FormatChinese(last.At)}{(last.Note is { Length: > 0 } note ? $",{note}" : "")}\n");
        var funding = await ItemFunding.DescribeAsync(db, [item], cancellationToken);
        if (ItemFunding.BudgetLine(item, funding.GetValueOrDefault(item.Id)) is { } budgetLine) body.Append($"预算：{budgetLine}\n");
        body.Append("\n请社区工作人员联系责任方了解原因、督促落实；需要街道协调的，请街道办予以支持。");
        var raised = await EscalationStore.RaiseAsync(db, new EscalationRequest(communityId, item.CaseId, EscalationKinds.ActionItemOverdue,
            Truncate($"{item.ResponsibleParty}未按期完成：{item.Title}", EscalationRules.MaxSubjectLength), body.ToString(), itemId, instanceId), now, cancellationToken);
        if (raised.IsNew)
            await db.ActionItemAssignments.Where(a => a.ActionItemId == itemId).ExecuteUpdateAsync(s => s.SetProperty(a => a.EscalatedAt, now), cancellationToken);
        return raised;
    }

    /// <summary>The case as residents know it: number and title.</summary>
    internal static string CaseLabel(DeliberationCase found) => string.IsNullOrEmpty(found.CaseNumber) ? found.Title : $"{found.CaseNumber} {found.Title}";

    internal static async Task<DeliberationCase> RequireCaseAsync(ICivicSession db, Guid communityId, Guid caseId, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.CommunityId == communityId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "case-not-found", $"The community has no case {caseId}.");

    internal static WorkflowException CaseClosed() => new(WorkflowErrorKind.Conflict, "case-closed", "The case is closed; nothing changed.");

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    internal static WorkflowException ItemNotFound(Guid itemId) => new(WorkflowErrorKind.NotFound, "action-item-not-found", $"The community has no action item {itemId}.");

    private static string TaskData(ActionItem item, string caseLabel)
    {
        var description = $"议题：{caseLabel}\n责任方：{item.ResponsibleParty}\n完成期限：{BeijingTime.FormatChinese(item.DueAt)}（北京时间）";
        return new JsonObject { ["form"] = TaskForm.ProgressForm, ["description"] = description }.ToJsonString(DefinitionJson.Options);
    }
}
