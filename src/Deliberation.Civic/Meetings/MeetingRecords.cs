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
/// What the meeting services (<see cref="MeetingPlanning"/>, <see cref="MeetingMode"/>, <see cref="MeetingVotes"/>) and the
/// meeting activities share: reading a meeting's rules, slots, agenda, roll and answers, the tallies, the refusals, and
/// committing a staff change with its durable signal.
/// </summary>
internal static class MeetingRecords
{
    internal const int MaxText = 2000;

    internal static (RulesDocument Document, RulesOfProcedure Rules) ReadRules(DeliberationCase deliberation)
    {
        if (deliberation.Rules is { Length: > 0 } json
            && JsonSerializer.Deserialize<RulesDocument>(json, DefinitionJson.Options) is { } document
            && document.ToRules().Rules is { } rules)
            return (document, rules);
        return (RulesDocument.From(MeetingPlanning.DefaultTemplate), MeetingPlanning.DefaultTemplate.Rules);
    }

    internal static RulesOfProcedure ReadVoteRules(MeetingVote vote) =>
        JsonSerializer.Deserialize<RulesDocument>(vote.Rules, DefinitionJson.Options)?.ToRules().Rules
        ?? throw new InvalidOperationException($"Vote {vote.Id} has unreadable rules.");

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

    internal static DateTimeOffset WholeSeconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

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

    internal static async Task<List<(Guid PersonId, JsonObject Answer, string Channel, DateTimeOffset At)>> LinkVotesAsync(
        ICivicSession db, Meeting meeting, Guid voteId, CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.Where(t => t.VoteId == voteId && t.MeetingId == meeting.Id).ToListAsync(cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var answers = await db.TaskAnswers.Where(a => ids.Contains(a.TaskId) && a.IsCurrent).ToListAsync(cancellationToken);
        return [.. answers.Select(a => (tasks.Single(t => t.Id == a.TaskId).PersonId, (JsonObject)JsonNode.Parse(a.Answer)!, a.Channel, a.AnsweredAt))];
    }

    internal static async Task<VoteView> ViewAsync(ICivicSession db, MeetingVote vote, IReadOnlyList<RollMember> roll, CancellationToken cancellationToken)
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

    internal static JsonObject RulesJson(RulesDocument document, RulesOfProcedure rules) => new()
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

    internal static JsonObject QuorumJson(RulesOfProcedure rules, IReadOnlyList<RollMember> roll, IReadOnlyList<MeetingParticipant> participants)
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
    internal static async Task WriteAndSignalAsync(ICivicDatabase database, WorkflowRuntime runtime, TimeProvider time, Guid? instanceId, string signal, Guid meetingId, JsonObject payload,
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

    internal static async Task RequireOnPanelAsync(ICivicSession db, Meeting meeting, Guid? personId, string field, CancellationToken cancellationToken)
    {
        if (personId is not { } id) return;
        if (!await db.PanelMembers.AnyAsync(m => m.CaseId == meeting.CaseId && m.PersonId == id && m.LeftAt == null, cancellationToken))
            throw Invalid(new() { [field] = [MeetingFields.NotOnPanel.Error()] }, "Someone is not on the panel; nothing was recorded.");
    }

    internal static async Task<DeliberationCase> FindCaseAsync(ICivicSession db, Guid communityId, Guid caseId, CancellationToken cancellationToken) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.CommunityId == communityId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "case-not-found", $"The community has no case {caseId}.");

    internal static async Task<Meeting> FindMeetingAsync(ICivicSession db, Guid communityId, Guid meetingId, CancellationToken cancellationToken) =>
        await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.CommunityId == communityId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "meeting-not-found", $"The community has no meeting {meetingId}.");

    internal static async Task<MeetingVote> FindVoteAsync(ICivicSession db, Guid meetingId, Guid voteId, CancellationToken cancellationToken) =>
        await db.MeetingVotes.FirstOrDefaultAsync(v => v.Id == voteId && v.MeetingId == meetingId, cancellationToken)
        ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "vote-not-found", $"The meeting has no vote {voteId}.");

    internal static void RequireScheduled(Meeting meeting)
    {
        if (meeting.Status != MeetingStatuses.Scheduled) throw NotScheduled(meeting);
    }

    internal static WorkflowException NotScheduled(Meeting meeting) => new(WorkflowErrorKind.Conflict, "meeting-not-under-way",
        $"The meeting is {meeting.Status}: only a scheduled meeting records attendance, proposals, points, votes and resolutions. Nothing changed.");

    internal static WorkflowException VoteClosed() => new(WorkflowErrorKind.Conflict, "vote-closed", "The vote has closed; nothing changed.");

    internal static WorkflowException ProposalNotFound(Guid id) => new(WorkflowErrorKind.NotFound, "proposal-not-found", $"The meeting has no proposal {id}.");

    internal static WorkflowException Invalid(Dictionary<string, FieldError[]> errors, string message) =>
        new(WorkflowErrorKind.Invalid, "invalid-input", message) { FieldErrors = errors };

    internal static void RequireText(Dictionary<string, FieldError[]> errors, string field, string? value, int max) =>
        TextRules.Check(errors, field, value, max, required: true, multiline: max > 200);

    internal static void OptionalText(Dictionary<string, FieldError[]> errors, string field, string? value, int max) =>
        TextRules.Check(errors, field, value, max, required: false, multiline: max > 200);

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
