using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// The end of step 5: the follow-up (回访) asks the case's representatives how satisfied they are, by link; then the
/// case closes — its complaint too — with a public notice of the result (结案公示) to the affected building heads.
/// </summary>
public sealed class FollowUpStore(AnswerLinks links, TimeProvider time)
{
    /// <summary>The signal sent to the workflow once every representative asked has answered.</summary>
    public const string CompleteSignal = "follow-up-complete";

    /// <summary>The most affected households sampled for the follow-up.</summary>
    public const int MaxHouseholdSample = 200;

    /// <summary>
    /// Asks every representative on the case's panel (role representative, not dropped out) for their satisfaction, in
    /// <paramref name="db"/> without saving: a follow-up task closing at <paramref name="closesAt"/>, resuming
    /// <paramref name="instanceId"/> with <see cref="CompleteSignal"/>, and its link by email. A representative asked before is not asked again.
    /// With <paramref name="householdSample"/>, that many affected households (their household representatives, not on the
    /// panel) drawn at random are asked too.
    /// </summary>
    /// <exception cref="WorkflowException">No such case (404); closed (409); <paramref name="closesAt"/> not in the future (400).</exception>
    internal async Task<FollowUpStarted> StartAsync(ICivicSession db, Guid communityId, Guid caseId, Guid instanceId, DateTimeOffset closesAt,
        CancellationToken cancellationToken, int householdSample = 0)
    {
        var now = time.GetUtcNow();
        var found = await ActionItemStore.RequireCaseAsync(db, communityId, caseId, cancellationToken);
        if (found.ClosedAt is not null) throw ActionItemStore.CaseClosed();
        if (closesAt <= now)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "invalid-input", "The follow-up window must end in the future.")
                { FieldErrors = new Dictionary<string, FieldError[]> { ["window"] = [ActionItemFields.WindowPositive.Error()] } };
        // Whom the case affected: the representatives of the affected groups and the parties (the property company, the
        // owners' committee…); the advisors (a lawyer, an accountant) advised and are not asked.
        var members = (await db.PanelMembers.AsNoTracking()
                .Where(m => m.CaseId == caseId && (m.Role == PanelRoles.Representative || m.Role == PanelRoles.Party) && m.LeftAt == null)
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Role == PanelRoles.Representative ? 0 : 1).ThenBy(m => m.JoinedAt).DistinctBy(m => m.PersonId)
            .Select(m => (m.PersonId, m.GroupId)).ToList();
        var asked = (await db.FollowUpRequests.AsNoTracking().Where(r => r.CaseId == caseId).Select(r => r.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        var sampled = await SampleHouseholdsAsync(db, caseId, householdSample, members.Select(m => m.PersonId).Concat(asked).ToHashSet(), cancellationToken);
        members.AddRange(sampled);
        var personIds = members.Select(m => m.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var items = (await db.ActionItems.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(cancellationToken)).OrderBy(i => i.DueAt).ToList();
        var done = items.Select(ImplementationEmails.DoneLine).ToList();
        var caseLabel = ActionItemStore.CaseLabel(found);
        var description = "各方落实情况：\n" + string.Join("\n", done.Select(d => "· " + d)) + "\n\n请评价落实效果（利益代表请代表所在群体的居民评价，相关方请代表本单位评价），可写下意见。";
        var data = Satisfaction.TaskData(ActionItemStore.Truncate(description, TaskForm.MaxDescriptionLength)).ToJsonString(DefinitionJson.Options);
        int count = 0, emailed = 0;
        foreach (var member in members.Where(m => !asked.Contains(m.PersonId) && people.ContainsKey(m.PersonId)))
        {
            var person = people[member.PersonId];
            var task = new ParticipationTask
            {
                Id = Guid.CreateVersion7(now), CommunityId = communityId, PersonId = person.Id, InstanceId = instanceId, SignalName = CompleteSignal,
                Purpose = TaskPurposes.FollowUp, Title = ActionItemStore.Truncate($"回访：请评价“{found.Title}”的落实效果", TaskStore.MaxTitleLength),
                Data = data, CreatedAt = now, ClosesAt = closesAt, LinkVersion = 1,
            };
            db.Tasks.Add(task);
            var sent = !string.IsNullOrWhiteSpace(person.Email) && EmailAddresses.IsValid(person.Email.Trim());
            if (sent) db.QueueEmail(ImplementationEmails.FollowUp(person.Email!.Trim(), person.Name, caseLabel, done, closesAt, links.CreateUrl(task, now)), now, instanceId);
            db.FollowUpRequests.Add(new FollowUpRequest
            {
                TaskId = task.Id, CommunityId = communityId, CaseId = caseId, PersonId = person.Id, GroupId = member.GroupId, AskedAt = now, Emailed = sent,
            });
            count++;
            if (sent) emailed++;
        }
        return new FollowUpStarted(count, emailed, closesAt, sampled.Count);
    }

    /// <summary>
    /// Up to <paramref name="count"/> household representatives of the case's affected households, drawn at random (a
    /// cryptographic shuffle: nobody can pick whom the follow-up asks), leaving out those already asked or on the panel.
    /// </summary>
    private static async Task<List<(Guid PersonId, Guid? GroupId)>> SampleHouseholdsAsync(ICivicSession db, Guid caseId, int count, HashSet<Guid> leaveOut,
        CancellationToken cancellationToken)
    {
        if (count <= 0) return [];
        var groups = db.AffectedGroups.Where(g => g.CaseId == caseId).Select(g => g.Id);
        var households = await db.AffectedHouseholds.AsNoTracking().Where(h => groups.Contains(h.GroupId)).Select(h => new { h.HouseholdId, h.GroupId })
            .ToListAsync(cancellationToken);
        var ids = households.Select(h => h.HouseholdId).ToList();
        var representatives = Voters.OnePerHousehold(await db.People.AsNoTracking()
                .Where(p => p.IsHouseholdRepresentative && p.HouseholdId != null && ids.Contains(p.HouseholdId.Value)).ToListAsync(cancellationToken))
            .Where(p => !leaveOut.Contains(p.Id)).ToArray();
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(representatives.AsSpan());
        var groupOf = households.GroupBy(h => h.HouseholdId).ToDictionary(g => g.Key, g => g.First().GroupId);
        return [.. representatives.Take(count).Select(p => (p.Id, (Guid?)groupOf[p.HouseholdId!.Value]))];
    }

    /// <summary>
    /// Closes the case in <paramref name="db"/> (saving its updates as it goes; the caller owns the transaction): the
    /// follow-up tasks close and their answers are counted, the case and its complaint are marked closed, and the public
    /// notice of the result is queued to every building head (with an email) of the affected building groups.
    /// </summary>
    /// <exception cref="WorkflowException">No such case (404); closed already (409).</exception>
    internal async Task<ClosedCase> CloseCaseAsync(ICivicSession db, Guid communityId, Guid caseId, Guid? instanceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await ActionItemStore.RequireCaseAsync(db, communityId, caseId, cancellationToken);
        if (found.ClosedAt is not null) throw ActionItemStore.CaseClosed();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, cancellationToken);

        var taskIds = await db.FollowUpRequests.Where(r => r.CaseId == caseId).Select(r => r.TaskId).ToListAsync(cancellationToken);
        await db.Tasks.Where(t => taskIds.Contains(t.Id) && t.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), cancellationToken);
        var byTask = await Satisfaction.CurrentAnswersAsync(db, taskIds, cancellationToken);
        var summary = Satisfaction.Summarize(taskIds.Select(id => Satisfaction.ChoiceOf(byTask.GetValueOrDefault(id))));
        var comments = byTask.Values.OrderBy(a => a.AnsweredAt).Select(a => TaskForm.CommentOf(a.Answer)).OfType<string>().ToList();

        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, now), cancellationToken);
        var buildingIds = new HashSet<Guid>();
        if (found.ComplaintId is { } complaintId)
        {
            await db.Complaints.Where(c => c.Id == complaintId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ComplaintStatus.Closed), cancellationToken);
            // Closed by the workflow, not by an account: the empty id says so.
            db.ComplaintEvents.Add(new ComplaintEvent
            {
                Id = Guid.CreateVersion7(now), ComplaintId = complaintId, Kind = ComplaintEventKinds.Closed, UserId = Guid.Empty, At = now, Note = found.CaseNumber,
            });
            buildingIds.UnionWith(await db.ComplaintScopes.Where(s => s.ComplaintId == complaintId).Select(s => s.BuildingGroupId).ToListAsync(cancellationToken));
        }
        var groups = db.AffectedGroups.Where(g => g.CaseId == caseId).Select(g => g.Id);
        buildingIds.UnionWith(await db.AffectedHouseholds.Where(h => groups.Contains(h.GroupId)).Select(h => h.BuildingGroupId).Distinct().ToListAsync(cancellationToken));

        var items = await db.ActionItems.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(cancellationToken);
        var facts = new CaseClosingFacts(community.Name, found.CaseNumber, found.Title, items, summary, comments, now,
            await ItemFunding.DescribeAsync(db, items, cancellationToken));
        var heads = (await db.People.AsNoTracking().Where(p => p.CommunityId == communityId && p.BuildingGroupId != null && buildingIds.Contains(p.BuildingGroupId.Value)
            && (p.Roles & PersonRoles.BuildingHead) == PersonRoles.BuildingHead).ToListAsync(cancellationToken)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        int sent = 0, without = 0;
        foreach (var head in heads)
        {
            if (string.IsNullOrWhiteSpace(head.Email) || !EmailAddresses.IsValid(head.Email.Trim()))
            {
                without++;
                continue;
            }
            db.QueueEmail(CaseClosingNotice.Compose(facts, head.Email.Trim(), head.Name), now, instanceId);
            sent++;
        }
        Notices.NoticeStore.Post(db, communityId, Notices.NoticeKinds.Closing, found.CaseNumber ?? "", CaseClosingNotice.Subject(facts),
            CaseClosingNotice.WallText(facts), now, now + Notices.NoticeStore.DefaultNoticePeriod, instanceId);
        await db.SaveChangesAsync(cancellationToken);
        return new ClosedCase(summary, sent, without);
    }
}
