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

using static Deliberation.Civic.Meetings.MeetingRecords;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// Meeting mode (step 4 as staff record it): what the meeting shows, attendance, proposals, points and resolutions, and
/// closing the meeting, whose signal is queued in the transaction of the change (a durable signal, correlated with
/// the meeting) so that the workflow files the minutes however busy it is. Refusals are <see cref="WorkflowException"/>s
/// with stable codes.
/// </summary>
public sealed class MeetingMode(ICivicDatabase database, WorkflowRuntime runtime, TimeProvider time)
{
    /// <summary>The signal a closed meeting sends: payload <c>{ meetingId }</c>.</summary>
    public const string ClosedSignal = "meeting-closed";

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
        var resolutions = (await db.MeetingResolutions.Where(r => r.MeetingId == meetingId).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken)).Select(ResolutionView.Of).ToList();
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

    /// <summary>
    /// Writes down a resolution (决议事项) with the organisations of the community's directory party to it. Without
    /// <paramref name="organisationIds"/> (null) the parties are the organisations seated on the case's panel; an empty list
    /// names none.
    /// </summary>
    public async Task<ResolutionView> AddResolutionAsync(Guid communityId, Guid meetingId, string? text, IReadOnlyList<Guid>? organisationIds,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        RequireText(errors, "text", text, MaxText);
        await using var db = database.Open(tracking: true);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        var parties = await PartiesAsync(db, meeting, organisationIds, errors, cancellationToken);
        if (errors.Count > 0) throw Invalid(errors, "The resolution is empty, too long or names an organisation outside the directory; nothing was recorded.");
        RequireScheduled(meeting);
        var resolution = new MeetingResolution
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), MeetingId = meetingId, Text = text!.Trim(), Parties = ResolutionParty.Write(parties), RecordedAt = time.GetUtcNow(),
        };
        db.MeetingResolutions.Add(resolution);
        await db.SaveChangesAsync(cancellationToken);
        return ResolutionView.Of(resolution);
    }

    /// <summary>Changes a resolution's text and the organisations party to it while the meeting is under way.</summary>
    public async Task<ResolutionView> UpdateResolutionAsync(Guid communityId, Guid meetingId, Guid resolutionId, string? text, IReadOnlyList<Guid>? organisationIds,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        RequireText(errors, "text", text, MaxText);
        await using var db = database.Open(tracking: true);
        var meeting = await FindMeetingAsync(db, communityId, meetingId, cancellationToken);
        var resolution = await db.MeetingResolutions.SingleOrDefaultAsync(r => r.Id == resolutionId && r.MeetingId == meetingId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "resolution-not-found", $"The meeting has no resolution {resolutionId}.");
        var parties = await PartiesAsync(db, meeting, organisationIds ?? [], errors, cancellationToken);
        if (errors.Count > 0) throw Invalid(errors, "The resolution is empty, too long or names an organisation outside the directory; nothing changed.");
        RequireScheduled(meeting);
        (resolution.Text, resolution.Parties) = (text!.Trim(), ResolutionParty.Write(parties));
        await db.SaveChangesAsync(cancellationToken);
        return ResolutionView.Of(resolution);
    }

    /// <summary>
    /// The parties named, each an organisation of the meeting's community (else an <c>organisation-unknown</c> error at
    /// <c>organisationIds</c>); null names the organisations seated on the case's panel.
    /// </summary>
    private static async Task<List<ResolutionParty>> PartiesAsync(ICivicSession db, Meeting meeting, IReadOnlyList<Guid>? organisationIds,
        Dictionary<string, FieldError[]> errors, CancellationToken cancellationToken)
    {
        if (organisationIds is null)
        {
            var seated = await db.PanelMembers.Where(m => m.CaseId == meeting.CaseId && m.LeftAt == null && m.OrganisationId != null)
                .OrderBy(m => m.JoinedAt).Select(m => new { m.OrganisationId, m.OrganisationName }).ToListAsync(cancellationToken);
            var ids = seated.Select(m => m.OrganisationId!.Value).Distinct().ToList();
            var names = await db.Organisations.Where(o => ids.Contains(o.Id) && o.CommunityId == meeting.CommunityId).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            return [.. ids.Select(id => new ResolutionParty(id, names.GetValueOrDefault(id) ?? seated.First(m => m.OrganisationId == id).OrganisationName ?? ""))
                .Where(p => p.Name.Length > 0)];
        }
        var wanted = organisationIds.Distinct().ToList();
        var found = await db.Organisations.Where(o => wanted.Contains(o.Id) && o.CommunityId == meeting.CommunityId).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        if (wanted.Any(id => !found.ContainsKey(id))) errors["organisationIds"] = [Organisations.OrganisationFields.Unknown.Error()];
        return [.. wanted.Where(found.ContainsKey).Select(id => new ResolutionParty(id, found[id]))];
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

        await WriteAndSignalAsync(database, runtime, time, meeting.InstanceId, ClosedSignal, meetingId, new JsonObject { ["meetingId"] = meetingId.ToString() },
            alreadyClosed ? null : WriteAsync, cancellationToken);
        await using var after = database.Open();
        return await after.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
    }

    /// <summary>One filed minutes record of the community (the files are read by the caller, under the archive).</summary>
    public async Task<MinutesRecord> GetMinutesAsync(Guid communityId, Guid minutesId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Minutes.FirstOrDefaultAsync(m => m.Id == minutesId && m.CommunityId == communityId, cancellationToken)
            ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "minutes-not-found", $"The community has no minutes {minutesId}.");
    }
}
