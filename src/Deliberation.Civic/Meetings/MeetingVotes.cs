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
using Deliberation.Civic.Replies;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;
using Deliberation.Engine.Runtime;

using static Deliberation.Civic.Meetings.MeetingRecords;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// Votes at a meeting: opened on a proposal or a question (absent voters get a link when the rules allow), ballots
/// recorded or changed, and closed with the tally under the rules of procedure; the closing queues its signal in the
/// same transaction. Refusals are <see cref="WorkflowException"/>s with stable codes.
/// </summary>
public sealed class MeetingVotes(ICivicDatabase database, WorkflowRuntime runtime, AnswerLinks links, ReplyAddresses replies, TimeProvider time)
{
    /// <summary>The signal a closed vote sends: payload <c>{ meetingId, voteId, passed }</c>.</summary>
    public const string VoteClosedSignal = "vote-closed";

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
                    db.QueueEmail(MeetingEmails.VoteByLink(email, voter.Name, meeting, vote, links.CreateUrl(task, now), replies.Invite(task, TaskForm.Parse(task.Data))),
                        now, meeting.InstanceId);
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
        await WriteAndSignalAsync(database, runtime, time, meeting.InstanceId, VoteClosedSignal, meetingId, payload, alreadyClosed ? null : WriteAsync, cancellationToken);
        await using var after = database.Open();
        var closed = await after.MeetingVotes.SingleAsync(v => v.Id == voteId, cancellationToken);
        return await ViewAsync(after, closed, await MeetingRoll.ReadAsync(after, meeting.CaseId, ReadVoteRules(closed), cancellationToken), cancellationToken);
    }
}
