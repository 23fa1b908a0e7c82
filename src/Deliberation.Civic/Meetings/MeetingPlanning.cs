using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Civic;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Decisions;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Links;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Storage;

using static Deliberation.Civic.Meetings.MeetingRecords;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// Step 3 as staff prepare it: the case's rules of procedure and planning a meeting, which the workflow then polls and
/// schedules (the plan is written in the step its signal causes, and refused unless the workflow waits for one).
/// Refusals are <see cref="WorkflowException"/>s with stable codes.
/// </summary>
public sealed class MeetingPlanning(ICivicDatabase database, WorkflowRuntime runtime, IWorkflowStore workflows, TimeProvider time)
{
    /// <summary>
    /// The workflow variable whose texts a meeting's agenda starts from (四方联动联席会议 fills it from the needs list): a
    /// plan without an agenda takes them, and the plan form shows them for staff to edit.
    /// </summary>
    public const string AgendaVariable = "agenda";

    /// <summary>The signal a planned meeting sends: payload <c>{ meetingId }</c>.</summary>
    public const string PlannedSignal = "meeting-planned";

    /// <summary>The rules a case follows until staff choose: the residents' council, simple majority.</summary>
    public static RulesTemplate DefaultTemplate => RulesTemplates.ResidentsCouncil;

    /// <summary>A case's rules of procedure (the default template's until staff set them).</summary>
    public async Task<RulesDocument> GetRulesAsync(Guid communityId, Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return ReadRules(await FindCaseAsync(db, communityId, caseId, cancellationToken)).Document;
    }

    /// <summary>Sets a case's rules of procedure, from a template and edits. Refused while a vote is open.</summary>
    public async Task<RulesDocument> SetRulesAsync(Guid communityId, Guid caseId, RulesDocument? document, CancellationToken cancellationToken)
    {
        if (document is null) throw Invalid(new() { ["rules"] = [MeetingFields.RulesMissing.Error()] }, "The rules are missing; nothing changed.");
        var (rules, problems) = document.ToRules();
        if (rules is null) throw Invalid(problems.ToDictionary(p => p.Key, p => p.Value), "The rules of procedure are not valid; nothing changed.");
        await using var db = database.Open(tracking: true);
        var deliberation = await FindCaseAsync(db, communityId, caseId, cancellationToken);
        if (await db.MeetingVotes.AnyAsync(v => v.CaseId == caseId && v.Status == VoteStatuses.Open, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "vote-open", "A vote of this case is open: the rules cannot change until it closes. Nothing changed.");
        var stored = RulesDocument.From(rules, document.Template);
        deliberation.Rules = JsonSerializer.Serialize(stored, DefinitionJson.Options);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    /// <summary>
    /// Plans the case's next meeting and hands it to the workflow, which sends the time poll. Refused when a
    /// meeting of the case is still under way, or when the workflow is not waiting for a meeting.
    /// </summary>
    public async Task<Meeting> PlanAsync(Guid communityId, Guid caseId, MeetingPlan? plan, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (plan is null) throw Invalid(new() { ["name"] = [CommonFields.Required.Error()] }, "The meeting plan is missing; nothing was planned.");
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        RequireText(errors, "name", plan.Name, 200);
        RequireText(errors, "place", plan.Place, 200);
        OptionalText(errors, "chair", plan.Chair, 100);
        OptionalText(errors, "recorder", plan.Recorder, 100);
        var agenda = (plan.Agenda ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (agenda.Count > 20 || agenda.Any(a => a.Length is 0 or > 200)) errors["agenda"] = [MeetingFields.AgendaItems.Error()];
        var slots = plan.Slots ?? [];
        if (slots.Count is < 2 or > 5) errors["slots"] = [MeetingFields.SlotCount.Error()];
        else if (slots.Any(s => s is null || s.End <= s.Start)) errors["slots"] = [MeetingFields.SlotEndsBeforeStart.Error()];
        else if (slots.Any(s => s.Start <= now)) errors["slots"] = [MeetingFields.SlotInPast.Error()];
        else if (slots.Select(s => s.Start).Distinct().Count() != slots.Count) errors["slots"] = [MeetingFields.SlotSameStart.Error()];
        else if (slots.Any(s => s.End - s.Start > TimeSpan.FromHours(12))) errors["slots"] = [MeetingFields.SlotTooLong.Error()];
        DateTimeOffset pollClosesAt = default;
        if (!errors.ContainsKey("slots"))
        {
            var earliest = slots.Min(s => s.Start);
            pollClosesAt = plan.PollClosesAt ?? Min(now + TimeSpan.FromDays(2), now + (earliest - now) / 2);
            if (pollClosesAt <= now) errors["pollClosesAt"] = [MeetingFields.PollClosesInPast.Error()];
            else if (pollClosesAt >= earliest) errors["pollClosesAt"] = [MeetingFields.PollClosesAfterSlot.Error()];
        }
        if (errors.Count > 0) throw Invalid(errors, "The meeting plan is missing something or has invalid values; nothing was planned.");

        await using var read = database.Open();
        var deliberation = await FindCaseAsync(read, communityId, caseId, cancellationToken);
        if (plan.Agenda is null) agenda = [.. await ProposedAgendaAsync(read, deliberation, cancellationToken)];
        if (await read.Meetings.AnyAsync(m => m.CaseId == caseId && (m.Status == MeetingStatuses.Polling || m.Status == MeetingStatuses.Scheduled), cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "meeting-in-progress",
                "A meeting of this case is still planned, polling or scheduled: close or cancel it first. Nothing was planned.");
        var instanceId = await CaseInstanceAsync(read, deliberation, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.Conflict, "workflow-not-ready",
                "This case has no running deliberation workflow to poll the meeting time. Nothing was planned.");
        var round = (await read.Meetings.Where(m => m.CaseId == caseId && m.Status != MeetingStatuses.Planned).Select(m => (int?)m.Round).MaxAsync(cancellationToken) ?? 0) + 1;

        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now),
            CommunityId = communityId,
            CaseId = caseId,
            InstanceId = instanceId,
            Round = round,
            Name = plan.Name!.Trim(),
            Place = plan.Place!.Trim(),
            Agenda = JsonSerializer.Serialize(agenda, DefinitionJson.Options),
            Chair = Trimmed(plan.Chair),
            Recorder = Trimmed(plan.Recorder),
            // Whole seconds, as the database keeps them: the scheduled start read back must equal its slot.
            Slots = JsonSerializer.Serialize(slots.Select(s => new MeetingSlot(WholeSeconds(s.Start), WholeSeconds(s.End))).OrderBy(s => s.Start).ToList(), DefinitionJson.Options),
            PollClosesAt = WholeSeconds(pollClosesAt),
            Status = MeetingStatuses.Planned,
            CreatedAt = now,
        };
        // The meeting is written in the unit of work of the step its signal causes, before the activities it resumes
        // (the time poll) read it: both commit, or, when the workflow does not take the signal, neither does.
        try
        {
            await runtime.SignalAsync(instanceId, PlannedSignal, new JsonObject { ["meetingId"] = meeting.Id.ToString() }, $"{PlannedSignal}:{meeting.Id}",
                async (step, ct) =>
                {
                    await using var db = await database.OpenInStepAsync(step, ct);
                    // A plan the workflow never took (written by an earlier version) gives way to this one.
                    await db.Meetings.Where(m => m.CaseId == caseId && m.Status == MeetingStatuses.Planned).ExecuteDeleteAsync(ct);
                    db.Meetings.Add(meeting);
                    await db.SaveChangesAsync(ct);
                }, cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Code is "signal-not-awaited" or "instance-ended" or "instance-not-found")
        {
            throw new WorkflowException(WorkflowErrorKind.Conflict, "workflow-not-ready",
                "The deliberation's workflow is not waiting for a meeting (it is at another step). Nothing was planned.");
        }
        return meeting;
    }

    /// <summary>What the plan form starts from: the agenda the case's workflow proposes (empty when it proposes none).</summary>
    public async Task<MeetingSuggestion> SuggestAsync(Guid communityId, Guid caseId, CancellationToken cancellationToken)
    {
        await using var read = database.Open();
        var deliberation = await FindCaseAsync(read, communityId, caseId, cancellationToken);
        return new MeetingSuggestion(await ProposedAgendaAsync(read, deliberation, cancellationToken));
    }

    /// <summary>
    /// The texts of the case's workflow's <see cref="AgendaVariable"/> (a list; other values, blanks and repeats are left
    /// out), each cut to 200 characters, at most 20 — what a plan accepts.
    /// </summary>
    private async Task<IReadOnlyList<string>> ProposedAgendaAsync(ICivicSession db, DeliberationCase deliberation, CancellationToken cancellationToken)
    {
        if (await CaseInstanceAsync(db, deliberation, cancellationToken) is not { } instanceId
            || await workflows.GetInstanceAsync(instanceId, cancellationToken) is not { } instance
            || !instance.State.Variables.TryGetValue(AgendaVariable, out var value) || value is not JsonArray items)
            return [];
        return [.. items
            .Select(i => i is JsonValue v && v.TryGetValue<string>(out var text) ? text.Trim() : "")
            .Where(text => text.Length > 0)
            .Select(text => text.Length <= 200 ? text : text[..200])
            .Distinct(StringComparer.Ordinal)
            .Take(20)];
    }

    /// <summary>The signal staff closing the time poll early send, correlated by the meeting: payload <c>{ meetingId }</c>.</summary>
    public const string PollClosedSignal = "time-poll-closed";

    /// <summary>
    /// Closes the time poll before its deadline (everyone who will answer has answered): the poll links close, the
    /// deadline becomes now, and the workflow schedules the meeting from the answers given at once.
    /// </summary>
    /// <exception cref="WorkflowException">No such meeting (404); its poll is not open (409).</exception>
    public async Task<Meeting> ClosePollAsync(Guid communityId, Guid meetingId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Meeting meeting;
        await using (var read = database.Open())
            meeting = await FindMeetingAsync(read, communityId, meetingId, cancellationToken);
        static WorkflowException NotPolling() =>
            new(WorkflowErrorKind.Conflict, "poll-not-open", "The meeting's time poll is not open (it closed, or the meeting is scheduled). Nothing changed.");
        if (meeting.Status != MeetingStatuses.Polling || meeting.PollClosesAt <= now) throw NotPolling();
        await WriteAndSignalAsync(database, runtime, time, meeting.InstanceId, PollClosedSignal, meetingId, new JsonObject { ["meetingId"] = meetingId.ToString() },
            async (db, ct) =>
            {
                var row = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
                if (row.Status != MeetingStatuses.Polling || row.PollClosesAt <= now) throw NotPolling();
                row.PollClosesAt = WholeSeconds(now);
                await db.Tasks.Where(t => t.MeetingId == meetingId && t.Purpose == TaskPurposes.TimePoll && t.ClosedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.ClosedAt, now), ct);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
        await using var after = database.Open();
        return await after.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
    }

    /// <summary>The case's meetings, newest round first.</summary>
    public async Task<IReadOnlyList<Meeting>> ListAsync(Guid communityId, Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        await FindCaseAsync(db, communityId, caseId, cancellationToken);
        return await db.Meetings.Where(m => m.CaseId == caseId).OrderByDescending(m => m.Round).ToListAsync(cancellationToken);
    }

    /// <summary>Upcoming (scheduled) meetings of a community, soonest first.</summary>
    public async Task<IReadOnlyList<Meeting>> UpcomingAsync(Guid communityId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var scheduled = await db.Meetings.Where(m => m.CommunityId == communityId && m.Status == MeetingStatuses.Scheduled).ToListAsync(cancellationToken);
        return [.. scheduled.OrderBy(m => m.StartsAt)];
    }
}
