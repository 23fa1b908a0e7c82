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

namespace Deliberation.Civic.Meetings;

/// <summary>
/// Steps 3–4 as staff drive them: the case's rules of procedure, planning a meeting (which the workflow polls and
/// schedules), and meeting mode — attendance, proposals, points, votes (absent voters by link when the rules
/// allow), resolutions — and closing the meeting. A vote closed and a meeting closed queue their signal in the
/// transaction of the change (durable signals, correlated with the meeting); a planned meeting is refused unless the
/// workflow waits for one. Refusals are <see cref="WorkflowException"/>s
/// with stable codes.
/// </summary>
public sealed class MeetingStore(ICivicDatabase database, WorkflowRuntime runtime, AnswerLinks links, TimeProvider time)
{
    /// <summary>The signal a planned meeting sends: payload <c>{ meetingId }</c>.</summary>
    public const string PlannedSignal = "meeting-planned";

    /// <summary>The signal a closed vote sends: payload <c>{ meetingId, voteId, passed }</c>.</summary>
    public const string VoteClosedSignal = "vote-closed";

    /// <summary>The signal a closed meeting sends: payload <c>{ meetingId }</c>.</summary>
    public const string ClosedSignal = "meeting-closed";

    /// <summary>The rules a case follows until staff choose: the residents' council, simple majority.</summary>
    public static RulesTemplate DefaultTemplate => RulesTemplates.ResidentsCouncil;

    private const int MaxText = 2000;

    // ---- Rules of procedure ----

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

    internal static (RulesDocument Document, RulesOfProcedure Rules) ReadRules(DeliberationCase deliberation)
    {
        if (deliberation.Rules is { Length: > 0 } json
            && JsonSerializer.Deserialize<RulesDocument>(json, DefinitionJson.Options) is { } document
            && document.ToRules().Rules is { } rules)
            return (document, rules);
        return (RulesDocument.From(DefaultTemplate), DefaultTemplate.Rules);
    }

    internal static RulesOfProcedure ReadVoteRules(MeetingVote vote) =>
        JsonSerializer.Deserialize<RulesDocument>(vote.Rules, DefinitionJson.Options)?.ToRules().Rules
        ?? throw new InvalidOperationException($"Vote {vote.Id} has unreadable rules.");

    // ---- Planning ----

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

    // ---- Meeting mode ----

    /// <summary>Everything meeting mode shows: slots and poll counts, RSVPs, attendance, proposals, points, votes with live tallies, resolutions, minutes.</summary>
    public async Task<MeetingView> GetAsync(Guid communityId, Guid meetingId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        var deliberation = await db.Cases.SingleAsync(c => c.Id == meeting.CaseId, cancellationToken);
        var (document, rules) = ReadRules(deliberation);
        var roll = await MeetingRoll.ReadAsync(db, meeting.CaseId, rules, cancellationToken);
        var answers = await CurrentAnswersAsync(db, meeting, cancellationToken);
        var attendance = await db.MeetingAttendance.Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.PersonId, a => a.Present, cancellationToken);

        var slots = ReadSlots(meeting);
        var polled = roll.Select(m => answers.PollChoices(m.PersonId)).Where(c => c is not null).Select(c => (IReadOnlyCollection<string>)c!).ToList();
        var (counts, chosen) = TimePoll.Count(slots, polled);
        var slotViews = slots.Select((s, i) => new SlotTally(MeetingSlot.OptionValue(i), s.Start, s.End, s.ToChinese(), counts[i],
            meeting.StartsAt == s.Start)).ToList();
        var participants = roll.Select(m => new MeetingParticipant(m.PersonId, m.Name, m.Role, m.PartyKind, m.Votes, m.Email is not null,
            answers.PollChoices(m.PersonId), answers.Rsvp(m.PersonId), attendance.TryGetValue(m.PersonId, out var present) ? present : null)).ToList();

        var proposals = await db.Proposals.Where(p => p.MeetingId == meetingId).OrderBy(p => p.SubmittedAt).ToListAsync(cancellationToken);
        proposals.AddRange(answers.LinkProposals(meeting, proposals));
        var points = await db.MeetingPoints.Where(p => p.MeetingId == meetingId).OrderBy(p => p.RecordedAt).ToListAsync(cancellationToken);
        var resolutions = await db.MeetingResolutions.Where(r => r.MeetingId == meetingId).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        var votes = new List<VoteView>();
        foreach (var vote in await db.MeetingVotes.Where(v => v.MeetingId == meetingId).OrderBy(v => v.OpenedAt).ToListAsync(cancellationToken))
            votes.Add(await ViewAsync(db, vote, roll, cancellationToken));
        var minutes = await db.Minutes.Where(m => m.MeetingId == meetingId).OrderBy(m => m.Culture).ToListAsync(cancellationToken);
        return new MeetingView(meeting, ReadAgenda(meeting), slotViews, participants, [.. proposals.OrderBy(p => p.SubmittedAt)], points, votes, resolutions, minutes,
            RulesJson(document, rules), QuorumJson(rules, roll, participants));
    }

    /// <summary>Records who is present (and who is absent) at a meeting that is under way.</summary>
    public async Task<MeetingView> RecordAttendanceAsync(Guid communityId, Guid meetingId, IReadOnlyList<AttendanceEntry>? entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (entries is null || entries.Count == 0) throw Invalid(new() { ["entries"] = [MeetingFields.NobodyGiven.Error()] }, "No attendance given; nothing changed.");
        await using (var db = database.Open(tracking: true))
        {
            var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
            RequireScheduled(meeting);
            var roll = await RollAsync(db, meeting, cancellationToken);
            var unknown = entries.Where(e => roll.All(m => m.PersonId != e.PersonId)).Select(e => e.PersonId.ToString()).ToArray();
            if (unknown.Length > 0) throw Invalid(new() { ["entries"] = [MeetingFields.NotOnPanelNamed.With(("people", string.Join(", ", unknown)))] }, "Someone is not on the panel; nothing changed.");
            var existing = await db.MeetingAttendance.Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.PersonId, cancellationToken);
            foreach (var entry in entries.DistinctBy(e => e.PersonId))
            {
                if (existing.TryGetValue(entry.PersonId, out var row)) (row.Present, row.RecordedAt) = (entry.Present, now);
                else db.MeetingAttendance.Add(new MeetingAttendance { MeetingId = meetingId, PersonId = entry.PersonId, Present = entry.Present, RecordedAt = now });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return await GetAsync(communityId, meetingId, cancellationToken);
    }

    /// <summary>Writes down a proposal made at the meeting.</summary>
    public async Task<Proposal> AddProposalAsync(Guid communityId, Guid meetingId, string? title, string? body, Guid? personId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        RequireText(errors, "title", title, 200);
        OptionalText(errors, "body", body, 4000);
        if (errors.Count > 0) throw Invalid(errors, "The proposal is missing something; nothing was recorded.");
        await using var db = database.Open(tracking: true);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        RequireScheduled(meeting);
        await RequireOnPanelAsync(db, meeting, personId, "personId", cancellationToken);
        var proposal = new Proposal
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), MeetingId = meetingId, PersonId = personId, Title = title!.Trim(), Body = body?.Trim() ?? "",
            Source = "meeting", SubmittedAt = time.GetUtcNow(),
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return proposal;
    }

    /// <summary>Marks a proposal as discussed; one submitted by link is written into the meeting's proposals then.</summary>
    public async Task<Proposal> MarkDiscussedAsync(Guid communityId, Guid meetingId, Guid proposalId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tracking: true);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        RequireScheduled(meeting);
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.MeetingId == meetingId, cancellationToken);
        if (proposal is null)
        {
            var answers = await CurrentAnswersAsync(db, meeting, cancellationToken);
            proposal = answers.LinkProposals(meeting, []).SingleOrDefault(p => p.Id == proposalId) ?? throw ProposalNotFound(proposalId);
            db.Proposals.Add(proposal);
        }
        proposal.Discussed = true;
        await db.SaveChangesAsync(cancellationToken);
        return proposal;
    }

    /// <summary>Writes down a point raised (讨论要点).</summary>
    public async Task<MeetingPoint> AddPointAsync(Guid communityId, Guid meetingId, string? text, Guid? personId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        RequireText(errors, "text", text, MaxText);
        if (errors.Count > 0) throw Invalid(errors, "The point is empty or too long; nothing was recorded.");
        await using var db = database.Open(tracking: true);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        RequireScheduled(meeting);
        await RequireOnPanelAsync(db, meeting, personId, "personId", cancellationToken);
        var point = new MeetingPoint { Id = Guid.CreateVersion7(time.GetUtcNow()), MeetingId = meetingId, PersonId = personId, Text = text!.Trim(), RecordedAt = time.GetUtcNow() };
        db.MeetingPoints.Add(point);
        await db.SaveChangesAsync(cancellationToken);
        return point;
    }

    /// <summary>Writes down a resolution (决议事项).</summary>
    public async Task<MeetingResolution> AddResolutionAsync(Guid communityId, Guid meetingId, string? text, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        RequireText(errors, "text", text, MaxText);
        if (errors.Count > 0) throw Invalid(errors, "The resolution is empty or too long; nothing was recorded.");
        await using var db = database.Open(tracking: true);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        RequireScheduled(meeting);
        var resolution = new MeetingResolution { Id = Guid.CreateVersion7(time.GetUtcNow()), MeetingId = meetingId, Text = text!.Trim(), RecordedAt = time.GetUtcNow() };
        db.MeetingResolutions.Add(resolution);
        await db.SaveChangesAsync(cancellationToken);
        return resolution;
    }

    // ---- Votes ----

    /// <summary>
    /// Opens a vote under the case's rules as they are now. When the rules allow, every voter not marked present
    /// gets a link to vote while it is open (an email in the same transaction).
    /// </summary>
    public async Task<VoteView> OpenVoteAsync(Guid communityId, Guid meetingId, string? question, Guid? proposalId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        RequireText(errors, "question", question, 500);
        if (errors.Count > 0) throw Invalid(errors, "The vote needs a question; nothing was opened.");
        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        RequireScheduled(meeting);
        if (meeting.StartsAt > now)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "meeting-not-started", "The meeting has not started yet; a vote opens at the meeting. Nothing was opened.");
        if (await db.MeetingVotes.AnyAsync(v => v.MeetingId == meetingId && v.Status == VoteStatuses.Open, cancellationToken))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "vote-open", "Another vote of this meeting is open: close it first. Nothing was opened.");
        if (proposalId is { } pid && !await db.Proposals.AnyAsync(p => p.Id == pid && p.MeetingId == meetingId, cancellationToken))
            throw Invalid(new() { ["proposalId"] = [MeetingFields.ProposalUnknown.Error()] }, "Unknown proposal; nothing was opened.");
        var deliberation = await db.Cases.SingleAsync(c => c.Id == meeting.CaseId, cancellationToken);
        var (document, rules) = ReadRules(deliberation);
        var roll = await MeetingRoll.ReadAsync(db, meeting.CaseId, rules, cancellationToken);
        if (!roll.Any(m => m.Votes))
            throw new WorkflowException(WorkflowErrorKind.Conflict, "no-voters", "Nobody on the panel votes under the case's rules; nothing was opened.");
        if (rules.IsCoOwners && roll.FirstOrDefault(m => m.Votes && m.Area is null) is { } noArea)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "no-area", $"{noArea.Name} votes as an owner but has no household floor area; Article 278 counts by area too. Nothing was opened.");

        var vote = new MeetingVote
        {
            Id = Guid.CreateVersion7(now), MeetingId = meetingId, CaseId = meeting.CaseId, ProposalId = proposalId, Question = question!.Trim(),
            Rules = JsonSerializer.Serialize(RulesDocument.From(rules, document.Template), DefinitionJson.Options), Status = VoteStatuses.Open, OpenedAt = now,
        };
        db.MeetingVotes.Add(vote);
        if (rules.AbsentMayVoteByLink)
        {
            var present = await db.MeetingAttendance.Where(a => a.MeetingId == meetingId && a.Present).Select(a => a.PersonId).ToListAsync(cancellationToken);
            foreach (var voter in roll.Where(m => m.Votes && !present.Contains(m.PersonId)))
            {
                var task = NewTask(meeting, voter.PersonId, TaskPurposes.Vote, vote.Question, VoteForm(vote, rules), null, now, vote.Id);
                db.Tasks.Add(task);
                if (voter.Email is { } email && EmailAddresses.IsValid(email))
                    db.QueueEmail(MeetingEmails.VoteByLink(email, voter.Name, meeting, vote, links.CreateUrl(task, now)), now, meeting.InstanceId);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewAsync(db, vote, roll, cancellationToken);
    }

    /// <summary>Records (or changes) a voter's choice at the meeting.</summary>
    public async Task<VoteView> RecordBallotAsync(Guid communityId, Guid meetingId, Guid voteId, BallotEntry? entry, string channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (entry is null) throw Invalid(new() { ["choice"] = [CommonFields.Required.Error()] }, "No ballot given; nothing was recorded.");
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        if (entry.Choice is null || !BallotChoices.All.Contains(entry.Choice)) errors["choice"] = [MeetingFields.BallotChoice.With(("choices", string.Join(", ", BallotChoices.All)))];
        OptionalText(errors, "reason", entry.Reason, MaxText);
        if (errors.Count > 0) throw Invalid(errors, "The ballot is not valid; nothing was recorded.");
        await using var db = database.Open(tracking: true);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        var vote = await FindVoteAsync(db, meetingId, voteId, cancellationToken);
        if (vote.Status != VoteStatuses.Open) throw VoteClosed();
        var rules = ReadVoteRules(vote);
        if (entry.Choice is BallotChoices.Block or BallotChoices.StandAside && rules.Rule != DecisionRules.Consent)
            throw Invalid(new() { ["choice"] = [MeetingFields.ConsentChoicesOnly.Error()] }, "The ballot is not valid; nothing was recorded.");
        var roll = await MeetingRoll.ReadAsync(db, meeting.CaseId, rules, cancellationToken);
        if (roll.FirstOrDefault(m => m.PersonId == entry.PersonId) is not { Votes: true })
            throw Invalid(new() { ["personId"] = [MeetingFields.NotAVoter.Error()] }, "Not a voter; nothing was recorded.");
        var row = await db.VoteBallots.SingleOrDefaultAsync(b => b.VoteId == voteId && b.PersonId == entry.PersonId, cancellationToken);
        if (row is null) db.VoteBallots.Add(row = new VoteBallot { VoteId = voteId, PersonId = entry.PersonId });
        (row.Choice, row.Reason, row.Channel, row.RecordedAt) = (entry.Choice!, Trimmed(entry.Reason), channel, now);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, vote, roll, cancellationToken);
    }

    /// <summary>
    /// Closes a vote: link votes of voters without a meeting ballot are taken in, the rules count it, the vote
    /// tasks close, and <see cref="VoteClosedSignal"/> (correlated with the meeting) is queued for the workflow in the
    /// same transaction.
    /// </summary>
    public async Task<VoteView> CloseVoteAsync(Guid communityId, Guid meetingId, Guid voteId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        MeetingVote vote;
        Meeting meeting;
        await using (var read = database.Open())
        {
            meeting = await FindMeetingAsync(read, communityId, meetingId, cancellationToken);
            vote = await FindVoteAsync(read, meetingId, voteId, cancellationToken);
        }
        // Closing a closed vote again only repeats the signal (same idempotency key): the workflow hears it once.
        var alreadyClosed = vote.Status == VoteStatuses.Closed;

        async Task WriteAsync(ICivicSession db, CancellationToken ct)
        {
            var open = await db.MeetingVotes.SingleAsync(v => v.Id == voteId, ct);
            if (open.Status != VoteStatuses.Open) throw VoteClosed();
            var rules = ReadVoteRules(open);
            var roll = await MeetingRoll.ReadAsync(db, meeting.CaseId, rules, ct);
            var ballots = await db.VoteBallots.Where(b => b.VoteId == voteId).ToListAsync(ct);
            foreach (var (personId, answer, channel, at) in await LinkVotesAsync(db, meeting, voteId, ct))
            {
                if (ballots.Any(b => b.PersonId == personId) || roll.FirstOrDefault(m => m.PersonId == personId) is not { Votes: true }) continue;
                var choice = (string?)answer["choice"];
                if (choice is null || !BallotChoices.All.Contains(choice)) continue;
                var ballot = new VoteBallot { VoteId = voteId, PersonId = personId, Choice = choice, Reason = (string?)answer["comment"], Channel = channel, RecordedAt = at };
                db.VoteBallots.Add(ballot);
                ballots.Add(ballot);
            }
            var result = Evaluate(rules, roll, ballots);
            (open.Status, open.ClosedAt, open.Passed, open.Result) = (VoteStatuses.Closed, now, result.Passed, ResultJson(result).ToJsonString(DefinitionJson.Options));
            await db.Tasks.Where(t => t.VoteId == voteId && t.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), ct);
            await db.SaveChangesAsync(ct);
        }

        var payload = new JsonObject { ["meetingId"] = meetingId.ToString(), ["voteId"] = voteId.ToString() };
        await WriteAndSignalAsync(meeting.InstanceId, VoteClosedSignal, meetingId, payload, alreadyClosed ? null : WriteAsync, cancellationToken);
        await using var after = database.Open();
        var closed = await after.MeetingVotes.SingleAsync(v => v.Id == voteId, cancellationToken);
        return await ViewAsync(after, closed, await MeetingRoll.ReadAsync(after, meeting.CaseId, ReadVoteRules(closed), cancellationToken), cancellationToken);
    }

    /// <summary>Closes the meeting after its votes: the workflow files the minutes and decides what comes next.</summary>
    public async Task<Meeting> CloseAsync(Guid communityId, Guid meetingId, string? chair, string? recorder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        OptionalText(errors, "chair", chair, 100);
        OptionalText(errors, "recorder", recorder, 100);
        if (errors.Count > 0) throw Invalid(errors, "Invalid values; nothing changed.");
        Meeting meeting;
        bool alreadyClosed;
        await using (var read = database.Open())
        {
            meeting = await FindMeetingAsync(read, communityId, meetingId, cancellationToken);
            alreadyClosed = meeting.Status == MeetingStatuses.Closed;
            if (!alreadyClosed) RequireScheduled(meeting);
            if (await read.MeetingVotes.AnyAsync(v => v.MeetingId == meetingId && v.Status == VoteStatuses.Open, cancellationToken))
                throw new WorkflowException(WorkflowErrorKind.Conflict, "vote-open", "A vote is still open: close it first. Nothing changed.");
            if (!await read.MeetingVotes.AnyAsync(v => v.MeetingId == meetingId, cancellationToken))
                throw new WorkflowException(WorkflowErrorKind.Conflict, "no-vote-held", "The meeting has held no vote yet; the minutes record one. Nothing changed.");
        }

        async Task WriteAsync(ICivicSession db, CancellationToken ct)
        {
            var row = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
            if (row.Status != MeetingStatuses.Scheduled) throw NotScheduled(row);
            (row.Status, row.ClosedAt) = (MeetingStatuses.Closed, now);
            if (Trimmed(chair) is { } c) row.Chair = c;
            if (Trimmed(recorder) is { } r) row.Recorder = r;
            // Proposals sent by link are part of the record once the meeting closes.
            var answers = await CurrentAnswersAsync(db, row, ct);
            var known = await db.Proposals.Where(p => p.MeetingId == meetingId).ToListAsync(ct);
            db.Proposals.AddRange(answers.LinkProposals(row, known));
            await db.Tasks.Where(t => t.MeetingId == meetingId && t.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), ct);
            await db.SaveChangesAsync(ct);
        }

        await WriteAndSignalAsync(meeting.InstanceId, ClosedSignal, meetingId, new JsonObject { ["meetingId"] = meetingId.ToString() },
            alreadyClosed ? null : WriteAsync, cancellationToken);
        await using var after = database.Open();
        return await after.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
    }

    // ---- Shared by the activities ----

    internal static DecisionResult Evaluate(RulesOfProcedure rules, IReadOnlyList<RollMember> roll, IReadOnlyList<VoteBallot> ballots)
    {
        var byPerson = ballots.ToDictionary(b => b.PersonId);
        var lines = roll.Select(m => byPerson.TryGetValue(m.PersonId, out var b)
            ? new Ballot(m.PersonId, b.Choice, b.Reason, m.Area, m.Votes || m.IsAdvisor, m.IsAdvisor)
            : new Ballot(m.PersonId, null, null, m.Area, m.Votes || m.IsAdvisor, m.IsAdvisor));
        return DecisionEvaluator.Evaluate(rules, lines);
    }

    internal static JsonObject ResultJson(DecisionResult r) => new()
    {
        ["passed"] = r.Passed,
        ["quorumMet"] = r.QuorumMet,
        ["eligible"] = r.Eligible,
        ["present"] = r.Present,
        ["yes"] = r.Yes,
        ["no"] = r.No,
        ["abstentions"] = r.Abstentions,
        ["blocks"] = r.Blocks,
        ["standAsides"] = r.StandAsides,
        ["votesCast"] = r.VotesCast,
        ["rule"] = r.Rules.Rule,
        ["quorum"] = r.Rules.Quorum.ToString(),
        ["coOwners"] = r.CoOwners is { } c ? new JsonObject
        {
            ["ownerParticipation"] = c.OwnerParticipation.PercentText, ["areaParticipation"] = c.AreaParticipation.PercentText,
            ["ownerApproval"] = c.OwnerApproval.PercentText, ["areaApproval"] = c.AreaApproval.PercentText,
            ["ownerApprovalMet"] = c.OwnerApprovalMet, ["areaApprovalMet"] = c.AreaApprovalMet,
        } : null,
        ["explanationZh"] = r.ExplanationZh,
        ["explanationEn"] = r.ExplanationEn,
    };

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

    internal static List<MeetingSlot> ReadSlots(Meeting meeting) =>
        JsonSerializer.Deserialize<List<MeetingSlot>>(meeting.Slots, DefinitionJson.Options) ?? [];

    internal static List<string> ReadAgenda(Meeting meeting) =>
        JsonSerializer.Deserialize<List<string>>(meeting.Agenda, DefinitionJson.Options) ?? [];

    internal static async Task<List<RollMember>> RollAsync(ICivicSession db, Meeting meeting, CancellationToken cancellationToken)
    {
        var deliberation = await db.Cases.SingleAsync(c => c.Id == meeting.CaseId, cancellationToken);
        return await MeetingRoll.ReadAsync(db, meeting.CaseId, ReadRules(deliberation).Rules, cancellationToken);
    }

    internal static ParticipationTask NewTask(Meeting meeting, Guid personId, string purpose, string title, JsonObject data, DateTimeOffset? closesAt, DateTimeOffset now,
        Guid? voteId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        CommunityId = meeting.CommunityId,
        MeetingId = meeting.Id,
        VoteId = voteId,
        PersonId = personId,
        Purpose = purpose,
        Title = title,
        Data = data.ToJsonString(DefinitionJson.Options),
        CreatedAt = now,
        ClosesAt = closesAt,
        LinkVersion = 1,
    };

    internal static JsonObject VoteForm(MeetingVote vote, RulesOfProcedure rules)
    {
        var options = new JsonArray
        {
            new JsonObject { ["value"] = BallotChoices.Yes, ["label"] = "同意" },
            new JsonObject { ["value"] = BallotChoices.No, ["label"] = "反对" },
            new JsonObject { ["value"] = BallotChoices.Abstain, ["label"] = "弃权" },
        };
        if (rules.Rule == DecisionRules.Consent)
        {
            options.Add(new JsonObject { ["value"] = BallotChoices.StandAside, ["label"] = "保留意见（不阻止）" });
            options.Add(new JsonObject { ["value"] = BallotChoices.Block, ["label"] = "阻止（有原则性反对）" });
        }
        return new JsonObject
        {
            ["options"] = options,
            ["allowComment"] = true,
            ["description"] = $"表决规则：{DecisionRules.ChineseName(rules.Rule)}。反对、阻止或保留时请在备注中写明理由，理由将写入会议纪要。",
            ["meetingId"] = vote.MeetingId.ToString(),
            ["voteId"] = vote.Id.ToString(),
        };
    }

    /// <summary>The current answers to a meeting's tasks (time poll, RSVP, proposals), by person.</summary>
    internal static async Task<MeetingAnswers> CurrentAnswersAsync(ICivicSession db, Meeting meeting, CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.Where(t => t.MeetingId == meeting.Id
            && (t.Purpose == TaskPurposes.TimePoll || t.Purpose == TaskPurposes.Rsvp || t.Purpose == TaskPurposes.Proposal)).ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var answers = await db.TaskAnswers.Where(a => taskIds.Contains(a.TaskId) && a.IsCurrent).ToListAsync(cancellationToken);
        return new MeetingAnswers(tasks, answers);
    }

    private static async Task<List<(Guid PersonId, JsonObject Answer, string Channel, DateTimeOffset At)>> LinkVotesAsync(
        ICivicSession db, Meeting meeting, Guid voteId, CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.Where(t => t.VoteId == voteId && t.MeetingId == meeting.Id).ToListAsync(cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var answers = await db.TaskAnswers.Where(a => ids.Contains(a.TaskId) && a.IsCurrent).ToListAsync(cancellationToken);
        return [.. answers.Select(a => (tasks.Single(t => t.Id == a.TaskId).PersonId, (JsonObject)JsonNode.Parse(a.Answer)!, a.Channel, a.AnsweredAt))];
    }

    private static async Task<VoteView> ViewAsync(ICivicSession db, MeetingVote vote, IReadOnlyList<RollMember> roll, CancellationToken cancellationToken)
    {
        var rules = ReadVoteRules(vote);
        var ballots = await db.VoteBallots.Where(b => b.VoteId == vote.Id).ToListAsync(cancellationToken);
        if (vote.Status == VoteStatuses.Open)
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == vote.MeetingId, cancellationToken);
            foreach (var (personId, answer, channel, at) in await LinkVotesAsync(db, meeting, vote.Id, cancellationToken))
            {
                if (ballots.Any(b => b.PersonId == personId) || (string?)answer["choice"] is not { } choice || !BallotChoices.All.Contains(choice)) continue;
                ballots.Add(new VoteBallot { VoteId = vote.Id, PersonId = personId, Choice = choice, Reason = (string?)answer["comment"], Channel = channel, RecordedAt = at });
            }
        }
        var names = roll.ToDictionary(m => m.PersonId, m => m.Name);
        var views = ballots.OrderBy(b => b.RecordedAt)
            .Select(b => new BallotView(b.PersonId, names.GetValueOrDefault(b.PersonId, "?"), b.Choice, b.Reason, b.Channel, b.RecordedAt)).ToList();
        var tally = vote.Result is { } stored
            ? (JsonObject)JsonNode.Parse(stored)!
            : ResultJson(Evaluate(rules, roll, [.. ballots.Where(b => roll.Any(m => m.PersonId == b.PersonId))]));
        return new VoteView(vote, views, tally);
    }

    private static JsonObject RulesJson(RulesDocument document, RulesOfProcedure rules) => new()
    {
        ["template"] = document.Template,
        ["rule"] = rules.Rule,
        ["ruleNameZh"] = DecisionRules.ChineseName(rules.Rule),
        ["ruleNameEn"] = DecisionRules.EnglishName(rules.Rule),
        ["quorum"] = rules.Quorum.ToString(),
        ["advisorsVote"] = rules.AdvisorsVote,
        ["article278Matter"] = rules.Article278Matter,
        ["absentMayVoteByLink"] = rules.AbsentMayVoteByLink,
    };

    private static JsonObject QuorumJson(RulesOfProcedure rules, IReadOnlyList<RollMember> roll, IReadOnlyList<MeetingParticipant> participants)
    {
        var voters = roll.Where(m => m.Votes).Select(m => m.PersonId).ToHashSet();
        var confirmed = participants.Count(p => voters.Contains(p.PersonId) && p.Rsvp == "yes");
        var present = participants.Count(p => voters.Contains(p.PersonId) && p.Present == true);
        var needed = Quorum.Needed(rules.Quorum, voters.Count);
        return new JsonObject
        {
            ["eligibleVoters"] = voters.Count, ["needed"] = needed, ["confirmed"] = confirmed, ["present"] = present,
            ["metByRsvp"] = confirmed >= needed && voters.Count > 0, ["metByAttendance"] = present >= needed && voters.Count > 0,
        };
    }

    /// <summary>
    /// Commits the change and its signal in one transaction (the signal is queued in the instance's inbox), then
    /// hands it to the workflow. A workflow still busy with an earlier step, or not yet at the wait (a quorum check
    /// still due), takes it as soon as it waits for it: nothing staff did is dropped. A repeated request (the change
    /// already made) commits nothing and only tries the delivery again.
    /// </summary>
    private async Task WriteAndSignalAsync(Guid? instanceId, string signal, Guid meetingId, JsonObject payload,
        Func<ICivicSession, CancellationToken, Task>? write, CancellationToken cancellationToken)
    {
        if (write is not null)
        {
            await using var db = database.Open(tracking: true);
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            // No step of the instance runs meanwhile: one that read the meeting before this change commits first.
            if (instanceId is { } locked) await db.LockInstanceAsync(locked, cancellationToken);
            await write(db, cancellationToken);
            if (instanceId is { } target)
            {
                db.QueueSignal(target, signal, meetingId.ToString(), payload, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (instanceId is not { } id) return;
        try
        {
            await runtime.DeliverQueuedSignalsAsync(id, cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Code is "instance-busy")
        {
            // The signal is committed and stays queued: the timer pump's sweep delivers it.
        }
    }

    internal static async Task<Guid?> CaseInstanceAsync(ICivicSession db, DeliberationCase deliberation, CancellationToken cancellationToken) =>
        deliberation.ComplaintId is { } complaintId
            ? await db.Complaints.Where(c => c.Id == complaintId).Select(c => c.InstanceId).SingleOrDefaultAsync(cancellationToken)
            : null;

    private static async Task RequireOnPanelAsync(ICivicSession db, Meeting meeting, Guid? personId, string field, CancellationToken cancellationToken)
    {
        if (personId is not { } id) return;
        if (!await db.PanelMembers.AnyAsync(m => m.CaseId == meeting.CaseId && m.PersonId == id && m.LeftAt == null, cancellationToken))
            throw Invalid(new() { [field] = [MeetingFields.NotOnPanel.Error()] }, "Someone is not on the panel; nothing was recorded.");
    }

    /// <summary>One filed minutes record of the community (the files are read by the caller, under the archive).</summary>
    public async Task<MinutesRecord> GetMinutesAsync(Guid communityId, Guid minutesId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Minutes.FirstOrDefaultAsync(m => m.Id == minutesId && m.CommunityId == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "minutes-not-found", $"The community has no minutes {minutesId}.");
    }

    private static async Task<DeliberationCase> FindCaseAsync(ICivicSession db, Guid communityId, Guid caseId, CancellationToken cancellationToken) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.CommunityId == communityId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "case-not-found", $"The community has no case {caseId}.");

    private static async Task<Meeting> FindMeetingAsync(ICivicSession db, Guid communityId, Guid meetingId, CancellationToken cancellationToken) =>
        await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.CommunityId == communityId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "meeting-not-found", $"The community has no meeting {meetingId}.");

    private static async Task<MeetingVote> FindVoteAsync(ICivicSession db, Guid meetingId, Guid voteId, CancellationToken cancellationToken) =>
        await db.MeetingVotes.FirstOrDefaultAsync(v => v.Id == voteId && v.MeetingId == meetingId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "vote-not-found", $"The meeting has no vote {voteId}.");

    private static void RequireScheduled(Meeting meeting)
    {
        if (meeting.Status != MeetingStatuses.Scheduled) throw NotScheduled(meeting);
    }

    private static WorkflowException NotScheduled(Meeting meeting) => new(WorkflowErrorKind.Conflict, "meeting-not-under-way",
        $"The meeting is {meeting.Status}: only a scheduled meeting records attendance, proposals, points, votes and resolutions. Nothing changed.");

    private static WorkflowException VoteClosed() => new(WorkflowErrorKind.Conflict, "vote-closed", "The vote has closed; nothing changed.");

    private static WorkflowException ProposalNotFound(Guid id) => new(WorkflowErrorKind.NotFound, "proposal-not-found", $"The meeting has no proposal {id}.");

    private static WorkflowException Invalid(Dictionary<string, FieldError[]> errors, string message) =>
        new(WorkflowErrorKind.Invalid, "invalid-input", message) { FieldErrors = errors };

    private static void RequireText(Dictionary<string, FieldError[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max) errors[field] = [CommonFields.RequiredAtMost.With(("max", max))];
    }

    private static void OptionalText(Dictionary<string, FieldError[]> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors[field] = [CommonFields.AtMost.With(("max", max))];
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
