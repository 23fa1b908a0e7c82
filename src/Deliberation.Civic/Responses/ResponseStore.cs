using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Responses;

/// <summary>
/// Matters to respond to within a deadline (限时响应): each level of the ladder gets a task by signed link; when a level's
/// deadline passes unhandled, the matter goes up one level — an escalation on the staff dashboard and a task to the next
/// level with a fresh deadline of the same class — until the top level misses it too. The response time runs from
/// reported to handled. Every write here is in the caller's session (a workflow step's), without saving.
/// </summary>
/// <param name="database">The database, for reading outside a step.</param>
/// <param name="links">Makes the signed links.</param>
public sealed class ResponseStore(ICivicDatabase database, AnswerLinks links)
{
    /// <summary>The start of the signal a matter's tasks send its workflow when answered; the matter's id follows.</summary>
    public const string AnsweredSignalPrefix = "respond-";

    /// <summary>The signal every task of a matter sends its workflow when answered.</summary>
    public static string SignalFor(Guid responseId) => AnsweredSignalPrefix + responseId.ToString("N");

    /// <summary>
    /// The people of each level: those the workflow <paramref name="named"/> for it (who must be on the community's roster),
    /// else the level's own — the grid workers of the complaint's buildings or grid, the community's lead (社区负责人), the
    /// people on the roster whose email is one of the community's escalation contacts. Only the street level above the first
    /// may have nobody, when the community has escalation contacts: they are told by the escalation's email.
    /// </summary>
    /// <exception cref="ActivityFaultException">A named person is not on the roster (<c>respond-person-unknown</c>), a level has nobody (<c>respond-level-empty</c>), the complaint is not the community's (<c>respond-complaint-unknown</c>).</exception>
    internal static async Task<IReadOnlyList<LadderLevel>> ResolveLadderAsync(ICivicSession db, Guid communityId, IReadOnlyList<string> ladder,
        IReadOnlyDictionary<string, IReadOnlyList<Guid>> named, Guid? complaintId, CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "community-not-found", $"There is no community {communityId}.");
        var contacts = EscalationRules.ParseContacts(community.EscalationEmails).Addresses.Where(EmailAddresses.IsValid).Select(a => a.ToLowerInvariant()).ToList();
        var levels = new List<LadderLevel>();
        for (var i = 0; i < ladder.Count; i++)
        {
            var code = ladder[i];
            List<Guid> people;
            if (named.TryGetValue(code, out var ids) && ids.Count > 0)
            {
                var wanted = ids.Distinct().ToList();
                var found = await db.People.AsNoTracking().Where(p => p.CommunityId == communityId && wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
                if (wanted.FirstOrDefault(id => !found.Contains(id)) is var missing && missing != Guid.Empty)
                    throw ResponseFaults.PersonUnknown.Fault(("person", missing), ("level", code));
                people = wanted;
            }
            else
            {
                people = code switch
                {
                    ResponseLevels.Grid => await GridWorkersAsync(db, communityId, complaintId, cancellationToken),
                    ResponseLevels.Community => (await db.People.AsNoTracking()
                            .Where(p => p.CommunityId == communityId && (p.Roles & PersonRoles.CommunityLead) == PersonRoles.CommunityLead).ToListAsync(cancellationToken))
                        .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Id).ToList(),
                    // Emails compare ignoring case, which databases do differently: the roster's addresses are compared here.
                    _ => contacts.Count == 0 ? [] : (await db.People.AsNoTracking().Where(p => p.CommunityId == communityId && p.Email != null)
                            .Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(cancellationToken))
                        .Where(p => contacts.Contains(p.Email!.Trim().ToLowerInvariant())).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Id).ToList(),
                };
            }
            if (people.Count == 0 && !(code == ResponseLevels.Street && i > 0 && contacts.Count > 0))
                throw ResponseFaults.LevelEmpty(code);
            levels.Add(new LadderLevel(code, people));
        }
        return levels;
    }

    /// <summary>
    /// Records a new matter and sends the first level its tasks and emails, in <paramref name="db"/> without saving.
    /// </summary>
    /// <exception cref="ActivityFaultException">The subject is empty or too long (<c>respond-subject</c>); the case or complaint is not the community's.</exception>
    internal async Task<TimedResponse> StartAsync(ICivicSession db, ResponseStart start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var subject = start.Subject.Trim();
        if (subject.Length == 0 || subject.Length > TimedResponse.MaxSubject || subject.Contains('\n', StringComparison.Ordinal))
            throw ResponseFaults.Subject.Fault(("max", TimedResponse.MaxSubject));
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == start.CommunityId, cancellationToken);
        string? caseLabel = null;
        if (start.CaseId is { } caseId)
        {
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.CommunityId == start.CommunityId, cancellationToken)
                ?? throw ResponseFaults.CaseUnknown.Fault();
            caseLabel = Label(found.CaseNumber, found.Title);
        }
        DateTimeOffset? logged = null;
        if (start.ComplaintId is { } complaintId)
        {
            var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId && c.CommunityId == start.CommunityId, cancellationToken)
                ?? throw ResponseFaults.ComplaintUnknown.Fault();
            logged = complaint.LoggedAt;
        }
        var reportedAt = start.ReportedAt ?? logged ?? now;
        if (reportedAt > now) reportedAt = now;
        var description = string.IsNullOrWhiteSpace(start.Description) ? null : start.Description.Trim();
        if (description?.Length > TimedResponse.MaxDescription) description = description[..(TimedResponse.MaxDescription - 1)] + "…";
        var response = new TimedResponse
        {
            Id = Guid.CreateVersion7(now), CommunityId = start.CommunityId, InstanceId = start.InstanceId, CaseId = start.CaseId, ComplaintId = start.ComplaintId,
            Subject = subject, Description = description, DeadlineClass = start.DeadlineClass, DeadlineMinutes = (int)Math.Ceiling(start.Deadline.TotalMinutes),
            ReportedAt = reportedAt, Ladder = string.Join(',', start.Ladder.Select(l => l.Code)), Level = 1, DueAt = reportedAt + start.Deadline,
            Status = ResponseStatuses.Open,
        };
        db.TimedResponses.Add(response);
        var next = start.Ladder.Count > 1 ? LevelName(start.Ladder[1].Code) : null;
        await SendAsync(db, new ResponseEmails.Matter(community.Name, response, caseLabel), start.Ladder[0], 1, null, next, now, cancellationToken);
        return response;
    }

    /// <summary>
    /// The current level's deadline has passed (the workflow's timer fired): unless the matter was handled meanwhile, it goes
    /// up one level — the next level gets its tasks with a new deadline of the same length, and an escalation
    /// (<c>response-overdue</c>) lists it on the staff dashboard and emails the staff, and from the street level on the
    /// escalation contacts — or, at the top, it is marked unhandled. In <paramref name="db"/>, saving as it goes.
    /// </summary>
    /// <returns>What happened, and the matter as it is now.</returns>
    internal async Task<(ResponseStep Step, TimedResponse Response)> OnDeadlineAsync(ICivicSession db, Guid responseId, IReadOnlyList<LadderLevel> ladder,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        var response = await LoadAsync(db, responseId, cancellationToken);
        if (response.HandledAt is not null) return (ResponseStep.Handled, response);
        if (response.Level >= ladder.Count)
        {
            await db.TimedResponses.Where(r => r.Id == responseId && r.HandledAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResponseStatuses.Unhandled), cancellationToken);
            return (ResponseStep.Unhandled, await LoadAsync(db, responseId, cancellationToken));
        }

        var missed = ladder[response.Level - 1];
        var reached = ladder[response.Level];
        var missedDue = response.DueAt;
        response.Level++;
        response.DueAt = now + response.Deadline();
        await db.TimedResponses.Where(r => r.Id == responseId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Level, response.Level).SetProperty(r => r.DueAt, response.DueAt), cancellationToken);

        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == response.CommunityId, cancellationToken);
        string? caseLabel = null;
        if (response.CaseId is { } caseId && await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { } found)
            caseLabel = Label(found.CaseNumber, found.Title);
        var names = await NamesAsync(db, [.. missed.People, .. reached.People], cancellationToken);
        string Names(LadderLevel level) => level.People.Count == 0 ? "升级联系人" : string.Join("、", level.People.Select(id => names.GetValueOrDefault(id, "")).Where(n => n.Length > 0));
        var line = ResponseEmails.EscalationLine(LevelName(missed.Code), Names(missed), missedDue, LevelName(reached.Code), Names(reached), response.DueAt);
        var matter = new ResponseEmails.Matter(community.Name, response, caseLabel);
        var next = response.Level < ladder.Count ? LevelName(ladder[response.Level].Code) : null;
        var told = await SendAsync(db, matter, reached, response.Level, line, next, now, cancellationToken);

        var missedTask = await db.TimedResponseTasks.AsNoTracking().Where(t => t.ResponseId == responseId && t.Level == response.Level - 1)
            .Select(t => t.TaskId).FirstOrDefaultAsync(cancellationToken);
        var request = new EscalationRequest(response.CommunityId, response.CaseId, EscalationKinds.ResponseOverdue,
            ResponseEmails.EscalationSubject(LevelName(missed.Code), response), ResponseEmails.EscalationBody(matter, line),
            missedTask == Guid.Empty ? null : missedTask, response.InstanceId);
        await EscalationStore.RaiseAsync(db, request, now, cancellationToken,
            reached.Code == ResponseLevels.Street ? new EscalationAudience(true, told) : EscalationAudience.StaffOnly);
        await db.SaveChangesAsync(cancellationToken);
        return (ResponseStep.Escalated, response);
    }

    /// <summary>
    /// The matters escalations concern, by the escalation's related id: the task a level missed (<c>response-overdue</c>)
    /// or the matter itself (<c>response-unhandled</c>, as workflows raise it). Ids that are neither are left out.
    /// </summary>
    public async Task<Dictionary<Guid, TimedResponse>> ForRelatedAsync(Guid communityId, IReadOnlyCollection<Guid> relatedIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relatedIds);
        if (relatedIds.Count == 0) return [];
        await using var db = database.Open();
        var ids = relatedIds.Distinct().ToList();
        var byTask = await (from t in db.TimedResponseTasks
                            join r in db.TimedResponses on t.ResponseId equals r.Id
                            where ids.Contains(t.TaskId) && r.CommunityId == communityId
                            select new { t.TaskId, Response = r }).ToListAsync(cancellationToken);
        var found = byTask.ToDictionary(r => r.TaskId, r => r.Response);
        foreach (var response in await db.TimedResponses.Where(r => ids.Contains(r.Id) && r.CommunityId == communityId).ToListAsync(cancellationToken))
            found[response.Id] = response;
        return found;
    }

    /// <summary>A level's name in Chinese, e.g. 网格员.</summary>
    public static string LevelName(string code) => ResponseLevels.Name(code).ZhCN;

    internal static async Task<TimedResponse> LoadAsync(ICivicSession db, Guid responseId, CancellationToken cancellationToken) =>
        await db.TimedResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == responseId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "response-not-found", $"There is no matter {responseId} to respond to.");

    /// <summary>Creates the level's tasks and queues their emails; returns the addresses emailed.</summary>
    private async Task<List<string>> SendAsync(ICivicSession db, ResponseEmails.Matter matter, LadderLevel level, int index, string? escalation, string? nextLevel,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = matter.Response;
        var people = (await db.People.AsNoTracking().Where(p => level.People.Contains(p.Id)).ToListAsync(cancellationToken)).ToDictionary(p => p.Id);
        var title = $"限时响应：{response.Subject}";
        var data = new JsonObject { ["description"] = Truncate(ResponseEmails.TaskDescription(matter), TaskForm.MaxDescriptionLength) }.ToJsonString(DefinitionJson.Options);
        var told = new List<string>();
        foreach (var id in level.People)
        {
            if (!people.TryGetValue(id, out var person)) continue;
            var task = new ParticipationTask
            {
                Id = Guid.CreateVersion7(now), CommunityId = response.CommunityId, PersonId = id, InstanceId = response.InstanceId, SignalName = SignalFor(response.Id),
                Purpose = TaskPurposes.Respond, Title = Truncate(title, TaskStore.MaxTitleLength), Data = data, CreatedAt = now, LinkVersion = 1,
            };
            db.Tasks.Add(task);
            db.TimedResponseTasks.Add(new TimedResponseTask { TaskId = task.Id, ResponseId = response.Id, Level = index, PersonId = id, DueAt = response.DueAt });
            var address = person.Email?.Trim();
            if (address is null || !EmailAddresses.IsValid(address)) continue;
            db.QueueEmail(ResponseEmails.Task(address, person.Name, matter, escalation, nextLevel, links.CreateUrl(task, now)), now, response.InstanceId);
            told.Add(address);
        }
        return told;
    }

    private static async Task<List<Guid>> GridWorkersAsync(ICivicSession db, Guid communityId, Guid? complaintId, CancellationToken cancellationToken)
    {
        if (complaintId is not { } id) return [];
        if (!await db.Complaints.AnyAsync(c => c.Id == id && c.CommunityId == communityId, cancellationToken)) throw ResponseFaults.ComplaintUnknown.Fault();
        var buildings = await db.ComplaintScopes.AsNoTracking().Where(s => s.ComplaintId == id).Select(s => s.BuildingGroupId).Distinct().ToListAsync(cancellationToken);
        if (buildings.Count == 0) return [];
        var precinctOf = await db.BuildingGroups.AsNoTracking().Where(b => b.CommunityId == communityId).ToDictionaryAsync(b => b.Id, b => b.PrecinctId, cancellationToken);
        var workers = await db.People.AsNoTracking()
            .Where(p => p.CommunityId == communityId && (p.Roles & PersonRoles.GridWorker) == PersonRoles.GridWorker && p.BuildingGroupId != null).ToListAsync(cancellationToken);
        return [.. GridWorkers.For(workers, precinctOf, buildings).Select(p => p.Id)];
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(ICivicSession db, List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    private static string Label(string? caseNumber, string title) => string.IsNullOrEmpty(caseNumber) ? title : $"{caseNumber} {title}";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
