using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Needs;

/// <summary>
/// The community's needs list (需求清单) for staff: list with filters, enter a need (typed, or fed from a complaint),
/// change it, close it, and record the confirmation (回访) when staff ask the requester themselves. A change the 三单
/// workflow waits for (closing, confirming) is committed with a queued signal to it, then delivered. Refusals are
/// <see cref="WorkflowException"/>s: <c>bad-request</c> (400, errors by field), <c>need-not-found</c> and
/// <c>complaint-not-found</c> (404), <c>need-ended</c> and <c>need-not-done</c> (409).
/// </summary>
public sealed class NeedStore(ICivicDatabase database, WorkflowRuntime runtime, NeedPhotos photos, TimeProvider time)
{
    /// <summary>The most needs listed at once.</summary>
    public const int MaxListed = 1000;

    /// <summary>The community's needs, newest first, with the filter applied.</summary>
    /// <exception cref="WorkflowException">The filter names an unknown status or kind (400).</exception>
    public async Task<List<NeedEntry>> ListAsync(Guid communityId, NeedFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        if (filter.Status is { } status && !NeedStatuses.All.Contains(status))
            errors["status"] = [NeedFields.Status.With(("statuses", string.Join(", ", NeedStatuses.All)))];
        if (filter.Kind is { } kind && !NeedKinds.All.Contains(kind)) errors["kind"] = [NeedFields.Kind.Error()];
        if (errors.Count > 0) throw Invalid(errors);
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var query = db.Needs.Where(n => n.CommunityId == communityId);
        if (filter.Status is not null) query = query.Where(n => n.Status == filter.Status);
        if (filter.Kind is not null) query = query.Where(n => n.Kind == filter.Kind);
        var needs = await query.AsNoTracking().ToListAsync(cancellationToken);
        if (filter.Overdue is { } overdue) needs = needs.Where(n => n.IsOverdueAt(now) == overdue).ToList();
        needs = needs.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(MaxListed).ToList();
        return await EntriesAsync(db, needs, cancellationToken);
    }

    /// <summary>One need of the community.</summary>
    /// <exception cref="WorkflowException">The community has no such need (404).</exception>
    public async Task<NeedEntry> GetAsync(Guid communityId, Guid needId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId && n.CommunityId == communityId, cancellationToken)
            ?? throw NotFound(needId);
        return (await EntriesAsync(db, [need], cancellationToken))[0];
    }

    /// <summary>Enters a request (staff or a building head typed it).</summary>
    /// <exception cref="WorkflowException">The draft is invalid (400, errors by field; nothing is written), or there is no such community (404).</exception>
    public async Task<NeedEntry> CreateAsync(Guid communityId, NeedDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var db = database.Open();
        await RequireCommunityAsync(db, communityId, cancellationToken);
        var checkedDraft = await CheckAsync(db, communityId, draft, now, null, cancellationToken);
        var need = new Need { Id = Guid.CreateVersion7(now), CommunityId = communityId, Source = NeedSources.Request, CreatedAt = now };
        Apply(need, checkedDraft, now);
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return (await EntriesAsync(db, [need], cancellationToken))[0];
    }

    /// <summary>
    /// Enters a need fed from a complaint: its title and description, and its first named reporter as the requester unless
    /// <paramref name="draft"/> names one; the draft's kind and due date (its title and description, when given, win).
    /// </summary>
    /// <exception cref="WorkflowException">No such complaint in the community (404), the complaint feeds a need already or the draft is invalid (400).</exception>
    public async Task<NeedEntry> CreateFromComplaintAsync(Guid communityId, Guid complaintId, NeedDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId && c.CommunityId == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "complaint-not-found", $"The community has no complaint {complaintId}.");
        if (await db.Needs.AnyAsync(n => n.ComplaintId == complaintId, cancellationToken))
            throw Invalid(new Dictionary<string, FieldError[]> { ["complaintId"] = [NeedFields.ComplaintUsed.Error()] });
        var requester = draft.RequesterPersonId ?? await db.ComplaintReporters.Where(r => r.ComplaintId == complaintId)
            .Select(r => (Guid?)r.PersonId).FirstOrDefaultAsync(cancellationToken);
        var merged = new NeedDraft(string.IsNullOrWhiteSpace(draft.Title) ? complaint.Title : draft.Title,
            string.IsNullOrWhiteSpace(draft.Description) ? Cut(complaint.Description, Need.MaxDescription) : draft.Description, draft.Kind, requester, draft.DueAt);
        var checkedDraft = await CheckAsync(db, communityId, merged, now, null, cancellationToken);
        var need = new Need
        {
            Id = Guid.CreateVersion7(now), CommunityId = communityId, Source = NeedSources.Complaint, ComplaintId = complaintId, CreatedAt = now,
        };
        Apply(need, checkedDraft, now);
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return (await EntriesAsync(db, [need], cancellationToken))[0];
    }

    /// <summary>Changes a need's title, description, kind, requester and due date, until it is confirmed or closed.</summary>
    /// <exception cref="WorkflowException">The draft is invalid (400; nothing changes), no such need (404), or it has ended (409).</exception>
    public async Task<NeedEntry> UpdateAsync(Guid communityId, Guid needId, NeedDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var db = database.Open(tracking: true);
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == needId && n.CommunityId == communityId, cancellationToken) ?? throw NotFound(needId);
        if (NeedStatuses.HasEnded(need.Status)) throw Ended(need);
        var checkedDraft = await CheckAsync(db, communityId, draft, now, need.DueAt, cancellationToken);
        Apply(need, checkedDraft, now);
        await db.SaveChangesAsync(cancellationToken);
        return (await EntriesAsync(db, [need], cancellationToken))[0];
    }

    /// <summary>
    /// Closes a need: its open claim, progress and confirmation links stop taking answers, and the workflow that published
    /// it, if it still waits, ends its Publish and claim step through <c>Closed</c>.
    /// </summary>
    /// <exception cref="WorkflowException">No such need (404), or it is confirmed or closed already (409).</exception>
    public async Task<NeedEntry> CloseAsync(Guid communityId, Guid needId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var need = await WriteAndSignalAsync(communityId, needId, NeedSignals.Closed, new JsonObject { ["needId"] = needId.ToString() }, async (db, need, ct) =>
        {
            if (NeedStatuses.HasEnded(need.Status)) throw Ended(need);
            var changed = await db.Needs.Where(n => n.Id == needId && n.Status == need.Status)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NeedStatuses.Closed).SetProperty(n => n.ClosedAt, now).SetProperty(n => n.UpdatedAt, now), ct);
            if (changed == 0) throw Changed(needId);
            await CloseTasksAsync(db, needId, null, now, ct);
        }, cancellationToken);
        return need;
    }

    /// <summary>
    /// Records the confirmation (回访) staff took themselves — by phone or a visit, or because nobody asked is on the roster:
    /// satisfied confirms the need, not satisfied keeps it done with the comment. The requester's link, if any, closes.
    /// </summary>
    /// <exception cref="WorkflowException">No such need (404), it is not done (409), or the comment is too long (400).</exception>
    public async Task<NeedEntry> ConfirmAsync(Guid communityId, Guid needId, bool satisfied, string? comment, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        TextRules.Check(errors, "comment", text, Need.MaxNote, required: false, multiline: true);
        if (errors.Count > 0) throw Invalid(errors);
        var now = time.GetUtcNow();
        return await WriteAndSignalAsync(communityId, needId, NeedSignals.Confirmed, new JsonObject { ["needId"] = needId.ToString(), ["satisfied"] = satisfied, ["channel"] = "staff" },
            async (db, need, ct) =>
            {
                if (!await RecordConfirmationAsync(db, needId, satisfied, text, now, ct))
                    throw new WorkflowException(WorkflowErrorKind.Conflict, "need-not-done", "The need is not reported done (or was confirmed already); nothing changed.");
                await CloseTasksAsync(db, needId, TaskPurposes.Confirm, now, ct);
            }, cancellationToken);
    }

    /// <summary>Stores a photo sent with a progress report on a need's progress link; returns its id.</summary>
    /// <exception cref="WorkflowException">The task is no need's progress task (404).</exception>
    public async Task<Guid> SavePhotoAsync(ParticipationTask task, SanitizedPhoto photo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = database.Open();
        var needId = await db.Needs.Where(n => n.CommunityId == task.CommunityId && db.NeedTasks.Any(o => o.NeedId == n.Id && o.TaskId == task.Id))
            .Select(n => (Guid?)n.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "need-not-found", "The task belongs to no need.");
        return await photos.SaveAsync(task.CommunityId, needId, photo, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The photo of a need's last progress report that had one.</summary>
    /// <exception cref="WorkflowException">No such need or photo (404).</exception>
    public async Task<(byte[] Content, string ContentType)> OpenPhotoAsync(Guid communityId, Guid needId, Guid photoId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var known = await db.Needs.AnyAsync(n => n.Id == needId && n.CommunityId == communityId && n.ProgressPhotoId == photoId, cancellationToken);
        return known && await photos.ReadAsync(communityId, needId, photoId, cancellationToken) is { } found
            ? (found.Content, found.Format.ContentType)
            : throw new WorkflowException(WorkflowErrorKind.NotFound, "photo-not-found", $"Need {needId} has no photo {photoId}.");
    }

    /// <summary>
    /// For the answer page of a claim link that no longer takes a claim: who claimed the need, when someone else did; null
    /// when it was not claimed (the window passed, or staff closed it) or the task is no claim task.
    /// </summary>
    public async Task<string?> ClaimedByOtherAsync(ParticipationTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = database.Open();
        var offer = await db.NeedTasks.AsNoTracking().FirstOrDefaultAsync(o => o.TaskId == task.Id && o.Purpose == TaskPurposes.Claim, cancellationToken);
        if (offer is null) return null;
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == offer.NeedId, cancellationToken);
        return need?.ClaimantName is { } name && need.ClaimantPersonId is { } by && (by != offer.PersonId || need.ClaimantOrganisationId != offer.OrganisationId)
            ? name
            : null;
    }

    /// <summary>
    /// Records a confirmation on a done need (in the caller's transaction): satisfied confirms it; not satisfied keeps it done
    /// with the comment. False when the need is not done or was answered already.
    /// </summary>
    internal static async Task<bool> RecordConfirmationAsync(ICivicSession db, Guid needId, bool satisfied, string? comment, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await db.Needs.Where(n => n.Id == needId && n.Status == NeedStatuses.Done && n.Satisfied == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, satisfied ? NeedStatuses.Confirmed : NeedStatuses.Done)
                .SetProperty(n => n.Satisfied, satisfied).SetProperty(n => n.ConfirmationComment, comment)
                .SetProperty(n => n.ConfirmationAt, now).SetProperty(n => n.UpdatedAt, now), cancellationToken) > 0;

    /// <summary>Closes the need's open tasks of one purpose (every purpose when null), in the caller's transaction.</summary>
    internal static async Task CloseTasksAsync(ICivicSession db, Guid needId, string? purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tasks = db.NeedTasks.Where(o => o.NeedId == needId).Select(o => o.TaskId);
        var open = db.Tasks.Where(t => tasks.Contains(t.Id) && t.ClosedAt == null);
        if (purpose is not null) open = open.Where(t => t.Purpose == purpose);
        await open.ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), cancellationToken);
    }

    /// <summary>
    /// Commits a change to a need with the signal its workflow waits for (queued in the same transaction, the instance
    /// locked so no step runs meanwhile), then hands the signal over; a workflow busy elsewhere takes it from its inbox later.
    /// </summary>
    private async Task<NeedEntry> WriteAndSignalAsync(Guid communityId, Guid needId, Func<Guid, string> signal, JsonObject payload,
        Func<ICivicSession, Need, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Guid? instanceId;
        await using (var db = database.Open())
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            instanceId = await db.Needs.Where(n => n.Id == needId && n.CommunityId == communityId).Select(n => n.InstanceId).FirstOrDefaultAsync(cancellationToken);
            if (instanceId is { } locked) await db.LockInstanceAsync(locked, cancellationToken);
            var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId && n.CommunityId == communityId, cancellationToken) ?? throw NotFound(needId);
            await write(db, need, cancellationToken);
            if (instanceId is { } target) db.QueueSignal(target, signal(needId), needId.ToString(), payload, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (instanceId is { } id)
        {
            try
            {
                await runtime.DeliverQueuedSignalsAsync(id, cancellationToken);
            }
            catch (WorkflowException ex) when (ex.Code is "instance-busy")
            {
                // The signal is committed and stays queued: the timer pump's sweep delivers it.
            }
        }
        return await GetAsync(communityId, needId, cancellationToken);
    }

    private static async Task<List<NeedEntry>> EntriesAsync(ICivicSession db, List<Need> needs, CancellationToken cancellationToken)
    {
        var people = needs.Select(n => n.RequesterPersonId).OfType<Guid>().Distinct().ToList();
        var names = people.Count == 0 ? [] : await db.People.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var complaints = needs.Select(n => n.ComplaintId).OfType<Guid>().Distinct().ToList();
        var titles = complaints.Count == 0 ? [] : await db.Complaints.Where(c => complaints.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var ids = needs.Select(n => n.Id).ToList();
        // Claims offered when it was last published (a need nobody claimed may be published again).
        var offers = (await db.NeedTasks.Where(o => ids.Contains(o.NeedId) && o.Purpose == TaskPurposes.Claim).Select(o => new { o.NeedId, o.CreatedAt })
            .ToListAsync(cancellationToken)).ToLookup(o => o.NeedId, o => o.CreatedAt);
        return needs.Select(n => new NeedEntry(n, n.RequesterPersonId is { } r ? names.GetValueOrDefault(r) : null,
            n.ComplaintId is { } c ? titles.GetValueOrDefault(c) : null, offers[n.Id].Count(at => at >= n.PublishedAt))).ToList();
    }

    private static async Task RequireCommunityAsync(ICivicSession db, Guid communityId, CancellationToken cancellationToken)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
    }

    /// <summary>Checks a draft; the trimmed draft. A due date already set may stay as it is even once passed.</summary>
    private static async Task<NeedDraft> CheckAsync(ICivicSession db, Guid communityId, NeedDraft draft, DateTimeOffset now, DateTimeOffset? currentDue,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        TextRules.Check(errors, "title", draft.Title, Need.MaxTitle, required: true);
        TextRules.Check(errors, "description", draft.Description, Need.MaxDescription, required: false, multiline: true);
        var kind = draft.Kind?.Trim() ?? "";
        if (!NeedKinds.All.Contains(kind)) errors["kind"] = [NeedFields.Kind.Error()];
        if (draft.RequesterPersonId is { } person && !await db.People.AnyAsync(p => p.Id == person && p.CommunityId == communityId, cancellationToken))
            errors["requesterPersonId"] = [CommonFields.PersonUnknown.Error()];
        if (draft.DueAt is { } due && due <= now && due != currentDue) errors["dueAt"] = [NeedFields.DueInPast.Error()];
        if (errors.Count > 0) throw Invalid(errors);
        return new NeedDraft(draft.Title!.Trim(), string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim(), kind, draft.RequesterPersonId, draft.DueAt);
    }

    private static void Apply(Need need, NeedDraft draft, DateTimeOffset now)
    {
        need.Title = draft.Title!;
        need.Description = draft.Description;
        need.Kind = draft.Kind!;
        need.RequesterPersonId = draft.RequesterPersonId;
        need.DueAt = draft.DueAt;
        need.UpdatedAt = now;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static WorkflowException Invalid(Dictionary<string, FieldError[]> errors) =>
        new(WorkflowErrorKind.Invalid, "bad-request", "The need has invalid fields; nothing changed.") { FieldErrors = errors };

    private static WorkflowException NotFound(Guid needId) => new(WorkflowErrorKind.NotFound, "need-not-found", $"The community has no need {needId}.");

    private static WorkflowException Ended(Need need) =>
        new(WorkflowErrorKind.Conflict, "need-ended", $"The need is {need.Status}; nothing changed.");

    private static WorkflowException Changed(Guid needId) =>
        new(WorkflowErrorKind.Conflict, "need-changed", $"Need {needId} changed meanwhile; nothing changed, try again.");
}
