using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Participation;

/// <summary>
/// Participation tasks: asks a person something by signed link, records answers (by link or on the
/// person's behalf) and resumes the waiting workflow in the same transaction as the answer.
/// Refusals are <see cref="WorkflowException"/>s with stable codes (<c>task-not-found</c>,
/// <c>task-closed</c>, <c>link-reissued</c>, <c>invalid-answer</c>, <c>invalid-input</c>), so the
/// API answers them as ProblemDetails like every other refusal.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="runtime">Resumes the waiting workflow.</param>
/// <param name="links">Makes the signed links.</param>
/// <param name="time">The clock.</param>
/// <param name="handlers">Domain rows that go with the answers of some purposes (progress reports, the follow-up).</param>
public sealed class TaskStore(ICivicDatabase database, WorkflowRuntime runtime, AnswerLinks links, TimeProvider time, IEnumerable<ITaskAnswerHandler> handlers)
{
    private readonly Dictionary<string, ITaskAnswerHandler> _handlers = handlers.ToDictionary(h => h.Purpose, StringComparer.Ordinal);

    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>The longest signal name (the <c>tasks.signal_name</c> column).</summary>
    public const int MaxSignalNameLength = 300;

    /// <summary>
    /// The open tasks a building head answers for, from a paper form or a visit: those of residents who have no email, or
    /// (<paramref name="households"/>) the tasks the paper sheets are printed for — per household and question, its
    /// representative's (or else its first person's), email or not; those of <paramref name="buildings"/> only when given
    /// (a building head's own), else the community's. Progress reports and the claims of needs (organisations and party
    /// members) are left out. Ordered by building, unit and person.
    /// </summary>
    public async Task<IReadOnlyList<ProxyTask>> ListForProxyAsync(Guid communityId, IReadOnlyCollection<Guid>? buildings, bool households,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.Open();
        var query = TaskHome.Query(db)
            .Where(r => r.Task.CommunityId == communityId && r.Task.ClosedAt == null && r.Task.Purpose != TaskPurposes.Progress
                && r.Task.Purpose != TaskPurposes.Claim && r.Task.Purpose != TaskPurposes.ClaimProgress);
        query = households ? query.Where(r => r.Household != null) : query.Where(r => r.Person.Email == null || r.Person.Email == "");
        var rows = await query
            .Select(r => new
            {
                r.Task, r.Person.Name, r.Person.IsHouseholdRepresentative, BuildingId = r.Building == null ? (Guid?)null : r.Building.Id,
                Building = r.Building == null ? null : r.Building.Compound + r.Building.Name,
                Unit = r.Household == null ? null : r.Household.Entrance + r.Household.Unit, HouseholdId = r.Household == null ? (Guid?)null : r.Household.Id,
                Answered = db.TaskAnswers.Any(a => a.TaskId == r.Task.Id && a.IsCurrent),
            }).ToListAsync(cancellationToken);
        var open = rows.Where(r => !r.Task.IsClosedAt(now) && (buildings is null || r.BuildingId is { } id && buildings.Contains(id)));
        // One task per household and question: the one its paper sheet is printed for.
        if (households)
            open = open.GroupBy(r => (r.HouseholdId, r.Task.InstanceId, r.Task.MeetingId, r.Task.SignalName, r.Task.Purpose, r.Task.Title))
                .Select(g => HouseholdAnswerer.Choose(g, r => r.IsHouseholdRepresentative, r => r.Name));
        return open
            .OrderBy(r => r.Building ?? "", Roster.NaturalComparer.Instance).ThenBy(r => r.Unit ?? "", Roster.NaturalComparer.Instance)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Task.CreatedAt)
            .Select(r => new ProxyTask(r.Task, r.Name, r.Building, r.Unit, r.Answered) { HouseholdId = r.HouseholdId }).ToList();
    }

    /// <summary>Creates a task for a person and makes the link to send them.</summary>
    /// <exception cref="WorkflowException">No such community (404), or an invalid draft (400, errors by field).</exception>
    public async Task<CreatedTask> CreateAsync(TaskDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        await using var db = database.Open();
        if (!await db.Communities.AnyAsync(c => c.Id == draft.CommunityId, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {draft.CommunityId}.");

        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        if (!await db.People.AnyAsync(p => p.Id == draft.PersonId && p.CommunityId == draft.CommunityId, cancellationToken))
            errors["personId"] = [CommonFields.PersonUnknown.Error()];
        if (!TaskPurposes.IsKnown(draft.Purpose))
            errors["purpose"] = [CommonFields.OneOf.With(("values", string.Join(", ", TaskPurposes.All)))];
        TextRules.Check(errors, "title", draft.Title, MaxTitleLength, required: true);
        if (!TaskForm.TryParse(draft.Data, out _, out var dataError))
            errors["data"] = [ParticipationFields.TaskData.With(("detail", dataError))];
        if (draft.ClosesAt is { } closes && closes <= now)
            errors["closesAt"] = [ParticipationFields.DeadlineInPast.Error()];
        if ((draft.InstanceId is null) != string.IsNullOrWhiteSpace(draft.SignalName))
            errors[draft.InstanceId is null ? "instanceId" : "signalName"] = [ParticipationFields.InstanceWithSignal.Error()];
        else if (draft.SignalName?.Length > MaxSignalNameLength)
            errors["signalName"] = [CommonFields.AtMost.With(("max", MaxSignalNameLength))];
        else if (draft.InstanceId is { } instanceId && !await db.InstanceExistsAsync(instanceId, draft.CommunityId, cancellationToken))
            errors["instanceId"] = [ParticipationFields.InstanceUnknown.Error()];
        if (errors.Count > 0)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The task is missing something or has invalid values; nothing was created.") { FieldErrors = errors };

        var task = new ParticipationTask
        {
            Id = Guid.CreateVersion7(now),
            CommunityId = draft.CommunityId,
            PersonId = draft.PersonId,
            InstanceId = draft.InstanceId,
            SignalName = draft.InstanceId is null ? null : draft.SignalName!.Trim(),
            Purpose = draft.Purpose!,
            Title = draft.Title!.Trim(),
            Data = draft.Data?.ToJsonString(DefinitionJson.Options) ?? "{}",
            CreatedAt = now,
            ClosesAt = draft.ClosesAt,
            LinkVersion = 1,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedTask(task, links.CreateUrl(task, now));
    }

    /// <summary>A task with its current answer and answer history; null when there is none.</summary>
    public async Task<TaskSnapshot?> GetAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null) return null;
        var history = await db.TaskAnswers.Where(a => a.TaskId == taskId).ToListAsync(cancellationToken);
        // Two answers can share a timestamp (same millisecond); the current one is the latest either way.
        history = history.OrderBy(a => a.AnsweredAt).ThenBy(a => a.IsCurrent).ToList();
        return new TaskSnapshot(task, history.LastOrDefault(a => a.IsCurrent), history);
    }

    /// <summary>
    /// Checks a link and loads what its page shows. Reads only: opening a link (mail scanners
    /// prefetch them) never changes anything.
    /// </summary>
    public async Task<OpenedLink> OpenLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var verification = links.Signer.Verify(token, time.GetUtcNow());
        if (!verification.IsValid) return new OpenedLink(verification, null, null);
        var snapshot = await GetAsync(verification.Claims!.TaskId, cancellationToken);
        verification = verification.Against(snapshot?.Task);
        return verification.IsValid ? new OpenedLink(verification, snapshot!.Task, snapshot.Current) : new OpenedLink(verification, null, null);
    }

    /// <summary>Records the answer a person gave through their link (checked with <see cref="OpenLinkAsync"/>).</summary>
    /// <exception cref="WorkflowException">The task is gone (404) or closed (409), the link was reissued meanwhile (409), or the answer does not fit the task (400).</exception>
    public Task<TaskSnapshot> RecordLinkAnswerAsync(LinkClaims claims, JsonNode? answer, CancellationToken cancellationToken) =>
        RecordLinkAnswerAsync(claims, answer, null, cancellationToken);

    /// <summary>
    /// Records an answer given by link with a photo taken on the answer page (already stored; its type and SHA-256 are kept
    /// with the answer, as a paper answer's are).
    /// </summary>
    /// <exception cref="WorkflowException">As <see cref="RecordLinkAnswerAsync(LinkClaims, JsonNode?, CancellationToken)"/>.</exception>
    public async Task<TaskSnapshot> RecordLinkAnswerAsync(LinkClaims claims, JsonNode? answer, (string ContentType, string Sha256)? photo,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var task = await LoadAsync(claims.TaskId, cancellationToken);
        var verdict = new LinkVerification(LinkStatus.Valid, claims).Against(task);
        if (verdict.Status == LinkStatus.Reissued) throw Reissued();
        if (!verdict.IsValid) throw new WorkflowException(WorkflowErrorKind.Invalid, "link-invalid", "The link does not belong to this task; nothing was recorded.");
        return await RecordAsync(task, answer, TaskChannels.Link, null, claims.LinkVersion, null, cancellationToken, photo);
    }

    /// <summary>
    /// Records an answer entered on the person's behalf (a paper ballot a building head collected); never over an answer
    /// the person gave themselves.
    /// </summary>
    /// <exception cref="WorkflowException">The task is gone (404), closed (409) or answered by the person (409, <c>answered-by-person</c>), or the answer does not fit the task (400).</exception>
    public async Task<TaskSnapshot> RecordProxyAnswerAsync(Guid taskId, JsonNode? answer, Guid enteredByUserId, CancellationToken cancellationToken) =>
        await RecordAsync(await LoadAsync(taskId, cancellationToken), answer, TaskChannels.Proxy, enteredByUserId, null, null, cancellationToken);

    /// <summary>
    /// Records the answer a household wrote on its paper sheet, entered by a building head with a photo of the sheet
    /// (already stored; its type and SHA-256 are kept with the answer), as channel <c>paper</c>; never over an answer the
    /// person gave themselves.
    /// </summary>
    /// <exception cref="WorkflowException">The task is gone (404), closed (409) or answered by the person (409, <c>answered-by-person</c>), or the answer does not fit the task (400).</exception>
    public async Task<TaskSnapshot> RecordPaperAnswerAsync(ParticipationTask task, JsonNode? answer, Guid enteredByUserId, string photoContentType, string photoSha256,
        CancellationToken cancellationToken) =>
        await RecordAsync(task, answer, TaskChannels.Paper, enteredByUserId, null, null, cancellationToken, (photoContentType, photoSha256));

    /// <summary>Checks an answer against the task's form without recording it (before a paper answer's photo is stored).</summary>
    /// <exception cref="WorkflowException">The task has closed (409) or the answer does not fit it (400).</exception>
    public void CheckAnswer(ParticipationTask task, JsonNode? given)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsClosedAt(time.GetUtcNow())) throw Closed();
        Normalize(task, given);
    }

    /// <summary>Loads a task.</summary>
    /// <exception cref="WorkflowException">No such task (404).</exception>
    public Task<ParticipationTask> FindAsync(Guid taskId, CancellationToken cancellationToken) => LoadAsync(taskId, cancellationToken);

    /// <summary>
    /// Makes a new link for the task; every earlier link is refused from now on (as reissued). When the
    /// person has an email address, an email with the new link goes into the outbox in the same
    /// transaction as the new link version: either both happen or neither does.
    /// </summary>
    /// <exception cref="WorkflowException">No such task (404).</exception>
    public async Task<ReissuedLink> ReissueLinkAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.Open();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var changed = await db.Tasks.Where(t => t.Id == taskId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LinkVersion, t => t.LinkVersion + 1), cancellationToken);
        if (changed == 0) throw NotFound(taskId);
        var task = await db.Tasks.SingleAsync(t => t.Id == taskId, cancellationToken);
        var link = links.CreateUrl(task, now);

        // Without an address the building head answers for the person (a paper ballot), so there is nothing to send.
        var person = await db.People.Where(p => p.Id == task.PersonId).Select(p => new { p.Email, p.Name }).SingleOrDefaultAsync(cancellationToken);
        var address = person?.Email?.Trim();
        var emailed = false;
        if (address is not null && EmailAddresses.IsValid(address))
        {
            db.QueueEmail(ReissuedLinkEmail.Compose(task, address, link, person?.Name), now, task.InstanceId);
            await db.SaveChangesAsync(cancellationToken);
            emailed = true;
        }
        await transaction.CommitAsync(cancellationToken);
        return new ReissuedLink(link, emailed);
    }

    private async Task<ParticipationTask> LoadAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
    }

    /// <summary>
    /// Records the answer a person gave by replying to the task's email (channel <c>email-reply</c>), matched to the task by
    /// its signed reply address, which was checked against <paramref name="task"/> as loaded; <paramref name="alongside"/>
    /// adds the rows that go with it (the reply's record, the confirmation) to the answer's own transaction.
    /// </summary>
    /// <exception cref="WorkflowException">The task closed (409) or its link was reissued (409) meanwhile, or the answer does not fit the task (400).</exception>
    public async Task<TaskSnapshot> RecordReplyAnswerAsync(ParticipationTask task, JsonNode answer, Action<ICivicSession, TaskAnswer> alongside,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return await RecordAsync(task, answer, TaskChannels.EmailReply, null, task.LinkVersion, alongside, cancellationToken);
    }

    private static JsonObject Normalize(ParticipationTask task, JsonNode? given)
    {
        var form = TaskForm.Parse(task.Data);
        if (form.TryNormalize(given, out var answer) is { } problem)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-answer", $"The answer does not fit the task ({problem}); nothing was recorded.")
            {
                FieldErrors = new Dictionary<string, FieldError[]> { ["answer"] = [Describe(problem, form)] },
            };
        return answer;
    }

    private async Task<TaskSnapshot> RecordAsync(ParticipationTask task, JsonNode? given, string channel, Guid? enteredByUserId, int? linkVersion,
        Action<ICivicSession, TaskAnswer>? alongside, CancellationToken cancellationToken, (string ContentType, string Sha256)? photo = null)
    {
        var now = time.GetUtcNow();
        if (task.IsClosedAt(now)) throw Closed();
        var answer = Normalize(task, given);

        var row = new TaskAnswer
        {
            Id = Guid.CreateVersion7(now),
            TaskId = task.Id,
            Answer = TaskForm.Serialize(answer),
            AnsweredAt = now,
            IsCurrent = true,
            EnteredByUserId = enteredByUserId,
            Channel = channel,
            PhotoContentType = photo?.ContentType,
            PhotoSha256 = photo?.Sha256,
        };

        var handler = _handlers.GetValueOrDefault(task.Purpose);
        async Task WriteAsync(ICivicSession db, CancellationToken ct)
        {
            // Re-checks inside the transaction that the task is still open and the link still current. On
            // PostgreSQL the (no-op) update also locks the task row, so two answers at once cannot both stay current.
            var tasks = db.Tasks.Where(t => t.Id == task.Id && t.ClosedAt == null && (t.ClosesAt == null || t.ClosesAt > now));
            if (linkVersion is { } version) tasks = tasks.Where(t => t.LinkVersion == version);
            if (await tasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.LinkVersion, t => t.LinkVersion), ct) == 0)
                throw linkVersion is { } v && await db.Tasks.AnyAsync(t => t.Id == task.Id && t.LinkVersion != v, ct) ? Reissued() : Closed();
            // A proxy or a paper sheet is for someone who does not answer online: once the person has, their answer stands.
            if (channel is TaskChannels.Proxy or TaskChannels.Paper
                && await db.TaskAnswers.AnyAsync(a => a.TaskId == task.Id && a.Channel != TaskChannels.Proxy && a.Channel != TaskChannels.Paper, ct))
                throw new WorkflowException(WorkflowErrorKind.Conflict, "answered-by-person",
                    "The person has answered themselves; a proxy answer does not replace theirs. Nothing was recorded.");
            await db.TaskAnswers.Where(a => a.TaskId == task.Id && a.IsCurrent)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsCurrent, false), ct);
            db.TaskAnswers.Add(row);
            alongside?.Invoke(db, row);
            await db.SaveChangesAsync(ct);
            if (handler is not null) await handler.OnRecordedAsync(db, task, row, answer, ct);
        }

        if (task.InstanceId is { } instanceId && !string.IsNullOrEmpty(task.SignalName)
            && (handler is null || await handler.ResumesWorkflowAsync(task, answer, cancellationToken)))
        {
            try
            {
                await runtime.SignalAsync(instanceId, task.SignalName, Payload(task, answer, row), row.Id.ToString(), async (step, ct) =>
                {
                    await using var db = await database.OpenInStepAsync(step, ct);
                    await WriteAsync(db, ct);
                }, cancellationToken);
                return (await GetAsync(task.Id, cancellationToken))!;
            }
            catch (WorkflowException ex) when (ex.Code is "signal-not-awaited" or "instance-ended" or "instance-not-found")
            {
                // The workflow has moved on (it took an earlier answer, or ended), but answers may change until
                // the task closes: the answer is recorded on its own and whoever counts answers reads it.
            }
        }

        await using (var db = database.Open())
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            await WriteAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return (await GetAsync(task.Id, cancellationToken))!;
    }

    /// <summary>The signal's payload: the answer's fields (so a workflow reads <c>answer.choice</c>) and where it came from.</summary>
    private static JsonObject Payload(ParticipationTask task, JsonObject answer, TaskAnswer row)
    {
        var payload = (JsonObject)answer.DeepClone();
        payload["taskId"] = task.Id.ToString();
        payload["personId"] = task.PersonId.ToString();
        payload["answerId"] = row.Id.ToString();
        payload["channel"] = row.Channel;
        if (row.EnteredByUserId is { } by) payload["enteredByUserId"] = by.ToString();
        return payload;
    }

    private static FieldError Describe(AnswerProblem problem, TaskForm form) => problem switch
    {
        AnswerProblem.ChoiceRequired => ParticipationFields.ChoiceRequired.Error(),
        AnswerProblem.UnknownChoice => ParticipationFields.ChoiceUnknown.With(("options", string.Join(", ", form.Options.Select(o => o.Value)))),
        AnswerProblem.SingleChoiceOnly => ParticipationFields.SingleChoiceOnly.Error(),
        AnswerProblem.TooManyChoices => ParticipationFields.TooManyChoices.With(("max", form.MaxChoices)),
        AnswerProblem.CommentRequired => ParticipationFields.CommentRequired.Error(),
        AnswerProblem.ReasonRequired => ParticipationFields.ReasonRequired.Error(),
        AnswerProblem.CommentTooLong => ParticipationFields.CommentTooLong.With(("max", TaskForm.MaxCommentLength)),
        AnswerProblem.CommentCharacters => ParticipationFields.CommentCharacters.Error(),
        AnswerProblem.CommentNotAllowed => ParticipationFields.CommentNotAllowed.Error(),
        AnswerProblem.PercentRequired => ParticipationFields.PercentRequired.Error(),
        AnswerProblem.PercentOutOfRange => ParticipationFields.PercentOutOfRange.Error(),
        _ when form.IsProgress => ParticipationFields.ProgressShape.Error(),
        _ => form.Multiple ? ParticipationFields.ChoicesShape.Error() : ParticipationFields.ChoiceShape.Error(),
    };

    private static WorkflowException NotFound(Guid taskId) => new(WorkflowErrorKind.NotFound, "task-not-found", $"There is no task {taskId}.");

    private static WorkflowException Closed() => new(WorkflowErrorKind.Conflict, "task-closed", "The task has closed; answers can no longer change. Nothing was recorded.");

    private static WorkflowException Reissued() => new(WorkflowErrorKind.Conflict, "link-reissued", "The link was replaced by a newer one; nothing was recorded.");
}
