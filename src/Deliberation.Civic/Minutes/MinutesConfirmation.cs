using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Links;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// Minutes confirmation (纪要确认) and the sealed record. After a meeting the Chinese draft goes to the participants by
/// signed link: each confirms it, or objects to one section (the draft's <c>## </c> headings) with a reason. Staff accept
/// an objection by changing the section, or answer it; the draft changes only through staff, each change recorded with
/// who, when, and the text before and after. When the window ends, or once every participant has confirmed, the minutes
/// are locked and filed as a PDF (<see cref="MinutesPdf"/>) with the signatures block and a QR code to the public
/// verification page, and the PDF's SHA-256 is recorded: anyone can upload a file there and see whether it is the one filed.
/// </summary>
public sealed class MinutesConfirmation(ICivicDatabase database, MinutesArchive archive, AnswerLinks links, TimeProvider time)
{
    /// <summary>The signal a participant's confirmation sends once every participant has confirmed.</summary>
    public const string ConfirmedSignal = "minutes-confirmed";

    /// <summary>The answer that confirms the draft.</summary>
    public const string ConfirmChoice = "confirm";

    /// <summary>An objection's answer: this prefix and the section's number, e.g. <c>object-5</c>.</summary>
    public const string ObjectPrefix = "object-";

    /// <summary>The path of the public verification page, before the code.</summary>
    public const string VerifyPathPrefix = "/verify/";

    /// <summary>The longest confirmation window.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(60);

    /// <summary>Why minutes were sealed when they were.</summary>
    public static class Because
    {
        /// <summary>The confirmation window ended.</summary>
        public const string WindowEnded = "window-ended";

        /// <summary>Every participant confirmed before the window ended.</summary>
        public const string AllConfirmed = "all-confirmed";

        /// <summary>The workflow gave no window: sealed as soon as filed.</summary>
        public const string NoWindow = "no-window";
    }

    /// <summary>The link of a sealed record's verification page, at the public address.</summary>
    public string VerificationUrl(MinutesDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return links.StaffPage(VerifyPathPrefix + draft.VerificationCode);
    }

    // ---- The workflow's side: in the step's session ----

    /// <summary>
    /// Opens the confirmation of a closed meeting's Chinese minutes (as <c>FileMinutes</c> filed them), in the step's
    /// <paramref name="db"/>: the draft, and with a window one task per participant (those present, or the whole panel when
    /// attendance was not taken) closing at its end, resuming <paramref name="instanceId"/> with <see cref="ConfirmedSignal"/>,
    /// with its link emailed. Without a window no one is asked: seal it at once.
    /// </summary>
    /// <exception cref="ActivityFaultException">The minutes are not filed yet (<c>step-minutes-not-filed</c>).</exception>
    internal async Task<MinutesDraft> OpenAsync(ICivicSession db, Meeting meeting, Guid? instanceId, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = await db.Minutes.FirstOrDefaultAsync(m => m.MeetingId == meeting.Id && m.Culture == "zh-CN", cancellationToken)
            ?? throw DeliberationFaults.MinutesNotFiled.Fault(("meeting", meeting.Id));
        var markdown = Encoding.UTF8.GetString(await archive.ReadAsync(record.MarkdownPath, record.MarkdownSha256, cancellationToken));
        var draft = new MinutesDraft
        {
            Id = Guid.CreateVersion7(now), CommunityId = meeting.CommunityId, CaseId = meeting.CaseId, MeetingId = meeting.Id, InstanceId = instanceId,
            Markdown = markdown, Status = MinutesDraftStatuses.Confirming, OpenedAt = now, ClosesAt = now + window, VerificationCode = NewCode(),
        };
        db.MinutesDrafts.Add(draft);
        if (window > TimeSpan.Zero)
        {
            var deliberation = await db.Cases.SingleAsync(c => c.Id == meeting.CaseId, cancellationToken);
            var caseNumber = deliberation.CaseNumber ?? "";
            var data = FormData(MinutesSections.Read(markdown), draft.ClosesAt);
            foreach (var member in await ParticipantsAsync(db, meeting, cancellationToken))
            {
                var task = MeetingRecords.NewTask(meeting, member.PersonId, TaskPurposes.Minutes,
                    ActionItemStore.Truncate($"请确认会议纪要：{meeting.Name}", TaskStore.MaxTitleLength), data, draft.ClosesAt, now);
                if (instanceId is not null) (task.InstanceId, task.SignalName) = (instanceId, ConfirmedSignal);
                db.Tasks.Add(task);
                if (member.Email is { } email && EmailAddresses.IsValid(email))
                    db.QueueEmail(MinutesEmails.ConfirmationRequest(email, member.Name, meeting, caseNumber, markdown, draft.ClosesAt, links.CreateUrl(task, now)), now, instanceId);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>
    /// Locks the draft and files it as the sealed record, in the step's <paramref name="db"/>: the confirmation tasks close,
    /// a changed draft is filed again as Markdown and .docx (the record takes the new hashes), the PDF is rendered and filed
    /// beside them with its SHA-256 recorded, and every participant is emailed the sealed minutes. Sealed minutes are
    /// returned as they are.
    /// </summary>
    /// <param name="db">The step's session.</param>
    /// <param name="draftId">The draft.</param>
    /// <param name="because">One of <see cref="Because"/>.</param>
    /// <param name="cancellationToken">Cancels before the files are moved into place.</param>
    internal async Task<MinutesDraft> SealAsync(ICivicSession db, Guid draftId, string because, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var draft = await db.MinutesDrafts.AsNoTracking().SingleAsync(d => d.Id == draftId, cancellationToken);
        if (draft.Status == MinutesDraftStatuses.Sealed) return draft;
        var meeting = await db.Meetings.SingleAsync(m => m.Id == draft.MeetingId, cancellationToken);
        var deliberation = await db.Cases.SingleAsync(c => c.Id == draft.CaseId, cancellationToken);
        var community = await db.Communities.SingleAsync(c => c.Id == draft.CommunityId, cancellationToken);
        await db.Tasks.Where(t => t.MeetingId == meeting.Id && t.Purpose == TaskPurposes.Minutes && t.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), cancellationToken);

        var caseNumber = deliberation.CaseNumber ?? $"case-{deliberation.Id:N}";
        var heldAt = meeting.StartsAt ?? meeting.ClosedAt ?? now;
        var record = await db.Minutes.SingleAsync(m => m.MeetingId == meeting.Id && m.Culture == "zh-CN", cancellationToken);
        var filed = Encoding.UTF8.GetString(await archive.ReadAsync(record.MarkdownPath, record.MarkdownSha256, cancellationToken));
        byte[] docx;
        if (filed != draft.Markdown)
        {
            var refiled = await archive.FileAsync(community.Code, caseNumber, heldAt, "zh-CN", draft.Markdown, meeting.Round, cancellationToken);
            await db.Minutes.Where(m => m.Id == record.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.MarkdownPath, refiled.Markdown.Path).SetProperty(m => m.MarkdownSha256, refiled.Markdown.Sha256)
                .SetProperty(m => m.DocxPath, refiled.Docx.Path).SetProperty(m => m.DocxSha256, refiled.Docx.Sha256)
                .SetProperty(m => m.FiledAt, now), cancellationToken);
            docx = refiled.DocxContent;
        }
        else
        {
            docx = await archive.ReadAsync(record.DocxPath, record.DocxSha256, cancellationToken);
        }

        var roll = await MeetingRecords.RollAsync(db, meeting, cancellationToken);
        var state = await ReadStateAsync(db, draft, meeting, cancellationToken);
        var url = VerificationUrl(draft);
        var pdf = MinutesPdf.Render(new SealedMinutesContent(draft.Markdown, caseNumber, ConfirmationLines(draft, state, because),
            meeting.Chair, meeting.Recorder, [.. state.Participants.Select(p => p.Label)], now, url));
        var file = await archive.FilePdfAsync(community.Code, caseNumber, heldAt, meeting.Round, pdf, cancellationToken);
        await db.MinutesDrafts.Where(d => d.Id == draft.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, MinutesDraftStatuses.Sealed).SetProperty(d => d.SealedAt, now).SetProperty(d => d.SealedBecause, because)
            .SetProperty(d => d.PdfPath, file.Path).SetProperty(d => d.PdfSha256, file.Sha256).SetProperty(d => d.PdfLength, file.Length), cancellationToken);
        (draft.Status, draft.SealedAt, draft.SealedBecause, draft.PdfPath, draft.PdfSha256, draft.PdfLength) =
            (MinutesDraftStatuses.Sealed, now, because, file.Path, file.Sha256, file.Length);
        db.QueueEmails(roll.Where(m => m.Email is { } e && EmailAddresses.IsValid(e))
            .Select(m => MinutesEmails.Sealed(m.Email!, m.Name, meeting, caseNumber, draft.Markdown, docx, pdf, url)), now, draft.InstanceId);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>
    /// Whether every participant asked has now confirmed, counting <paramref name="answeringTaskId"/> as confirming (the
    /// answer being recorded): the answer handler then resumes the workflow, which seals the minutes before the window ends.
    /// </summary>
    internal async Task<bool> AllConfirmedAsync(Guid meetingId, Guid answeringTaskId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var tasks = await db.Tasks.Where(t => t.MeetingId == meetingId && t.Purpose == TaskPurposes.Minutes && t.Id != answeringTaskId)
            .Select(t => t.Id).ToListAsync(cancellationToken);
        var answers = await db.TaskAnswers.Where(a => tasks.Contains(a.TaskId) && a.IsCurrent).ToListAsync(cancellationToken);
        return tasks.All(id => answers.Any(a => a.TaskId == id && TaskForm.ChosenValues(a.Answer) is [ConfirmChoice]));
    }

    /// <summary>
    /// The rows that go with a participant's answer, in its transaction: an objection is recorded against the section it
    /// names, with its reason; a confirmation withdraws the participant's objections still open.
    /// </summary>
    /// <exception cref="WorkflowException">The minutes are sealed (409 <c>task-closed</c>): nothing is recorded.</exception>
    internal static async Task RecordAnswerAsync(ICivicSession db, ParticipationTask task, TaskAnswer answer, JsonObject normalized, CancellationToken cancellationToken)
    {
        var draft = await db.MinutesDrafts.FirstOrDefaultAsync(d => d.MeetingId == task.MeetingId, cancellationToken);
        if (draft is null) return;
        if (draft.Status != MinutesDraftStatuses.Confirming)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "task-closed", "The minutes are sealed; answers can no longer change. Nothing was recorded.");
        var choice = (string?)normalized["choice"];
        if (choice == ConfirmChoice)
        {
            await db.MinutesObjections.Where(o => o.DraftId == draft.Id && o.PersonId == task.PersonId && o.Status == MinutesObjectionStatuses.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, MinutesObjectionStatuses.Withdrawn).SetProperty(o => o.ResolvedAt, answer.AnsweredAt), cancellationToken);
            return;
        }
        if (choice is null || !choice.StartsWith(ObjectPrefix, StringComparison.Ordinal)
            || !int.TryParse(choice.AsSpan(ObjectPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return;
        var section = MinutesSections.Read(draft.Markdown).FirstOrDefault(s => s.Number == number);
        db.MinutesObjections.Add(new MinutesObjection
        {
            Id = Guid.CreateVersion7(answer.AnsweredAt), DraftId = draft.Id, CommunityId = draft.CommunityId, TaskId = task.Id, AnswerId = answer.Id,
            PersonId = task.PersonId, SectionNumber = number, Section = ActionItemStore.Truncate(section?.Heading ?? $"第 {number} 节", 200),
            Reason = (string?)normalized["comment"] ?? "", RaisedAt = answer.AnsweredAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    // ---- Staff ----

    /// <summary>The confirmation of a meeting's minutes as staff see it; 404 <c>minutes-draft-not-found</c> before there is one.</summary>
    public async Task<MinutesConfirmationView> GetAsync(Guid communityId, Guid meetingId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var draft = await db.MinutesDrafts.FirstOrDefaultAsync(d => d.MeetingId == meetingId && d.CommunityId == communityId, cancellationToken)
            ?? throw DraftNotFound();
        return await ViewAsync(db, draft, cancellationToken);
    }

    /// <summary>Answers an objection without changing the minutes (why the section stands); the participant is emailed the answer.</summary>
    /// <exception cref="WorkflowException">No such draft or objection (404); sealed (409 <c>minutes-sealed</c>); the objection dealt with already (409 <c>objection-resolved</c>); no response (400).</exception>
    public Task<MinutesConfirmationView> AnswerObjectionAsync(Guid communityId, Guid draftId, Guid objectionId, string? response, StaffActor by,
        CancellationToken cancellationToken) =>
        ChangeAsync(communityId, draftId, objectionId, null, null, response, by, cancellationToken);

    /// <summary>Accepts an objection: the section it names takes <paramref name="text"/> (recorded as a revision), with an optional word to the participant.</summary>
    /// <exception cref="WorkflowException">As <see cref="AnswerObjectionAsync"/>; an empty or unchanged text (400).</exception>
    public Task<MinutesConfirmationView> AcceptObjectionAsync(Guid communityId, Guid draftId, Guid objectionId, string? text, string? response, StaffActor by,
        CancellationToken cancellationToken) =>
        ChangeAsync(communityId, draftId, objectionId, null, text ?? "", response, by, cancellationToken);

    /// <summary>Changes a section of the draft on staff's own account (a slip they noticed), recorded as a revision.</summary>
    /// <exception cref="WorkflowException">No such draft or section (404); sealed (409 <c>minutes-sealed</c>); an empty or unchanged text (400).</exception>
    public Task<MinutesConfirmationView> EditSectionAsync(Guid communityId, Guid draftId, int sectionNumber, string? text, StaffActor by,
        CancellationToken cancellationToken) =>
        ChangeAsync(communityId, draftId, null, sectionNumber, text ?? "", null, by, cancellationToken);

    /// <summary>The sealed PDF as filed, served only when its bytes still have the recorded SHA-256 (409 <c>minutes-altered</c>).</summary>
    public async Task<(byte[] Content, string FileName)> ReadPdfAsync(Guid communityId, Guid draftId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var draft = await db.MinutesDrafts.FirstOrDefaultAsync(d => d.Id == draftId && d.CommunityId == communityId, cancellationToken) ?? throw DraftNotFound();
        if (draft.PdfPath is not { } path || draft.PdfSha256 is not { } sha)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "minutes-not-sealed", "The minutes are not sealed yet; there is no PDF.");
        var caseNumber = (await db.Cases.SingleAsync(c => c.Id == draft.CaseId, cancellationToken)).CaseNumber;
        return (await archive.ReadAsync(path, sha, cancellationToken), $"{caseNumber ?? "minutes"}-会议纪要.pdf");
    }

    /// <summary>The text a task's answer page shows: the current draft of the minutes a confirmation task is about; null for other tasks.</summary>
    public async Task<string?> DocumentOfAsync(ParticipationTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Purpose != TaskPurposes.Minutes || task.MeetingId is not { } meetingId) return null;
        await using var db = database.Open();
        return (await db.MinutesDrafts.FirstOrDefaultAsync(d => d.MeetingId == meetingId && d.CommunityId == task.CommunityId, cancellationToken))?.Markdown;
    }

    // ---- The public verification page ----

    /// <summary>What the public verification page shows of a sealed record; null when the code names none (or it is not sealed yet).</summary>
    public async Task<PublicMinutesRecord?> FindSealedAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40) return null;
        await using var db = database.Open();
        var draft = await db.MinutesDrafts.FirstOrDefaultAsync(d => d.VerificationCode == code && d.Status == MinutesDraftStatuses.Sealed, cancellationToken);
        if (draft is null) return null;
        var meeting = await db.Meetings.SingleAsync(m => m.Id == draft.MeetingId, cancellationToken);
        var deliberation = await db.Cases.SingleAsync(c => c.Id == draft.CaseId, cancellationToken);
        var community = await db.Communities.SingleAsync(c => c.Id == draft.CommunityId, cancellationToken);
        return new PublicMinutesRecord(community.Name, deliberation.CaseNumber ?? "", meeting.Name, meeting.StartsAt, draft.SealedAt!.Value,
            draft.PdfSha256!, draft.PdfLength ?? 0);
    }

    /// <summary>Whether <paramref name="content"/> is the filed PDF of the record: its SHA-256 is the one recorded.</summary>
    public static bool Matches(PublicMinutesRecord record, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(MinutesArchive.Sha256Hex(content)), Encoding.ASCII.GetBytes(record.Sha256));
    }

    // ---- Shared ----

    /// <summary>
    /// One staff change in its own transaction: a section's new <paramref name="text"/> (null: none, the objection is
    /// answered), the objection it deals with, the response to its author.
    /// </summary>
    private async Task<MinutesConfirmationView> ChangeAsync(Guid communityId, Guid draftId, Guid? objectionId, int? sectionNumber, string? text, string? response,
        StaffActor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var now = time.GetUtcNow();
        var changing = text is not null;
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        TextRules.Check(errors, "response", response, MinutesObjection.MaxText, required: !changing, multiline: true);
        if (changing) TextRules.Check(errors, "text", text, MinutesDraft.MaxMarkdownLength / 4, required: true, multiline: true);
        if (errors.Count > 0) throw Invalid(errors);

        await using var db = database.Open(tracking: true);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var found = await db.MinutesDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId && d.CommunityId == communityId, cancellationToken)
            ?? throw DraftNotFound();
        // No step of the workflow runs meanwhile: the seal reads the draft as it stands after this change, or before it. The
        // (no-op) update takes the draft's row, so two staff changes at once apply one after the other.
        if (found.InstanceId is { } instanceId) await db.LockInstanceAsync(instanceId, cancellationToken);
        await db.MinutesDrafts.Where(d => d.Id == draftId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, d => d.Status), cancellationToken);
        var draft = await db.MinutesDrafts.SingleAsync(d => d.Id == draftId, cancellationToken);
        if (draft.Status != MinutesDraftStatuses.Confirming)
            throw new WorkflowException(WorkflowErrorKind.Conflict, "minutes-sealed", "The minutes are sealed; they can no longer change. Nothing changed.");

        MinutesObjection? objection = null;
        if (objectionId is { } oid)
        {
            objection = await db.MinutesObjections.FirstOrDefaultAsync(o => o.Id == oid && o.DraftId == draftId, cancellationToken)
                ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "objection-not-found", $"The minutes have no objection {oid}.");
            if (objection.Status != MinutesObjectionStatuses.Open)
                throw new WorkflowException(WorkflowErrorKind.Conflict, "objection-resolved", $"The objection was {objection.Status} already; nothing changed.");
            sectionNumber = objection.SectionNumber;
        }

        if (changing)
        {
            var section = MinutesSections.Read(draft.Markdown).FirstOrDefault(s => s.Number == sectionNumber)
                ?? throw new WorkflowException(WorkflowErrorKind.NotFound, "minutes-section-not-found", $"The minutes have no section {sectionNumber}.");
            var body = MinutesSections.Normalize(text!);
            if (body == section.Body) throw Invalid(new() { ["text"] = [MinutesFields.Unchanged.Error()] });
            var changed = MinutesSections.Replace(draft.Markdown, section.Number, body);
            if (changed.Length > MinutesDraft.MaxMarkdownLength) throw Invalid(new() { ["text"] = [CommonFields.AtMost.With(("max", MinutesDraft.MaxMarkdownLength))] });
            draft.Markdown = changed;
            db.MinutesRevisions.Add(new MinutesRevision
            {
                Id = Guid.CreateVersion7(now), DraftId = draft.Id, CommunityId = draft.CommunityId, SectionNumber = section.Number, Section = ActionItemStore.Truncate(section.Heading, 200),
                Before = section.Body, After = body, ObjectionId = objection?.Id, ByUserId = by.UserId, ByName = ActionItemStore.Truncate(by.Name, 100), At = now,
            });
        }
        if (objection is not null)
        {
            objection.Status = changing ? MinutesObjectionStatuses.Accepted : MinutesObjectionStatuses.Answered;
            objection.Response = string.IsNullOrWhiteSpace(response) ? null : response.Trim();
            (objection.ResolvedByUserId, objection.ResolvedByName, objection.ResolvedAt) = (by.UserId, ActionItemStore.Truncate(by.Name, 100), now);
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == objection.PersonId, cancellationToken);
            var meeting = await db.Meetings.SingleAsync(m => m.Id == draft.MeetingId, cancellationToken);
            var task = await db.Tasks.SingleAsync(t => t.Id == objection.TaskId, cancellationToken);
            if (person?.Email?.Trim() is { } email && EmailAddresses.IsValid(email))
                db.QueueEmail(MinutesEmails.ObjectionResolved(email, person.Name, meeting, objection, draft.ClosesAt, links.CreateUrl(task, now)), now, draft.InstanceId);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewAsync(db, draft, cancellationToken);
    }

    private async Task<MinutesConfirmationView> ViewAsync(ICivicSession db, MinutesDraft draft, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.SingleAsync(m => m.Id == draft.MeetingId, cancellationToken);
        var state = await ReadStateAsync(db, draft, meeting, cancellationToken);
        var names = state.Participants.ToDictionary(p => p.PersonId, p => p.Name);
        var objectors = state.Objections.Select(o => o.PersonId).Where(id => !names.ContainsKey(id)).Distinct().ToList();
        foreach (var person in await db.People.Where(p => objectors.Contains(p.Id)).ToListAsync(cancellationToken)) names[person.Id] = person.Name;
        return new MinutesConfirmationView(draft.Id, draft.MeetingId, draft.Status, draft.OpenedAt, draft.ClosesAt, draft.Markdown,
            MinutesSections.Read(draft.Markdown),
            [.. state.Participants.Select(p => new MinutesParticipantView(p.PersonId, p.Name, p.Answer, p.AnsweredAt, p.Channel))],
            [.. state.Objections.Select(o => new MinutesObjectionView(o.Id, o.PersonId, names.GetValueOrDefault(o.PersonId, "?"), o.SectionNumber, o.Section, o.Reason,
                o.RaisedAt, o.Status, o.Response, o.ResolvedByName, o.ResolvedAt))],
            [.. state.Revisions.Select(r => new MinutesRevisionView(r.Id, r.SectionNumber, r.Section, r.Before, r.After, r.ObjectionId, r.ByName, r.At))],
            draft.Status == MinutesDraftStatuses.Sealed
                ? new SealedMinutesView(draft.SealedAt!.Value, draft.SealedBecause ?? "", draft.PdfSha256!, draft.PdfLength ?? 0, VerificationUrl(draft))
                : null);
    }

    /// <summary>Who was asked and how each answered, the objections and the revisions, as they stand.</summary>
    private static async Task<ConfirmationState> ReadStateAsync(ICivicSession db, MinutesDraft draft, Meeting meeting, CancellationToken cancellationToken)
    {
        var roll = await MeetingRecords.RollAsync(db, meeting, cancellationToken);
        var labels = roll.ToDictionary(m => m.PersonId, m => (m.Name, m.Label));
        var tasks = await db.Tasks.Where(t => t.MeetingId == meeting.Id && t.Purpose == TaskPurposes.Minutes).ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var answers = (await db.TaskAnswers.Where(a => taskIds.Contains(a.TaskId) && a.IsCurrent).ToListAsync(cancellationToken))
            .GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.AnsweredAt).Last());
        var personIds = tasks.Select(t => t.PersonId).Where(id => !labels.ContainsKey(id)).ToList();
        foreach (var person in await db.People.Where(p => personIds.Contains(p.Id)).ToListAsync(cancellationToken)) labels[person.Id] = (person.Name, person.Name);
        // Without a window nobody was asked: the participants are those the minutes name as present.
        var people = tasks.Count > 0
            ? tasks.OrderBy(t => t.CreatedAt).ThenBy(t => labels.GetValueOrDefault(t.PersonId).Name, StringComparer.Ordinal).Select(t =>
            {
                var answer = answers.GetValueOrDefault(t.Id);
                var choice = answer is null ? null : TaskForm.ChosenValues(answer.Answer) is [var first, ..] ? first : null;
                var kind = choice is null ? null : choice == ConfirmChoice ? "confirmed" : "objected";
                var (name, label) = labels.GetValueOrDefault(t.PersonId, ("?", "?"));
                return new Participant(t.PersonId, name, label, kind, answer?.AnsweredAt, answer?.Channel);
            }).ToList()
            : [.. (await PresentAsync(db, meeting, roll, cancellationToken)).Select(m => new Participant(m.PersonId, m.Name, m.Label, null, null, null))];
        var objections = await db.MinutesObjections.Where(o => o.DraftId == draft.Id).OrderBy(o => o.RaisedAt).ToListAsync(cancellationToken);
        var revisions = await db.MinutesRevisions.Where(r => r.DraftId == draft.Id).OrderBy(r => r.At).ToListAsync(cancellationToken);
        return new ConfirmationState(people, objections, revisions);
    }

    /// <summary>纪要确认情况 as the PDF prints it: the window, each participant's answer, each objection with how it was dealt with, the changes.</summary>
    private static List<string> ConfirmationLines(MinutesDraft draft, ConfirmationState state, string because)
    {
        var lines = new List<string>();
        if (because == Because.NoWindow)
        {
            lines.Add("本纪要未设确认期，会后直接定稿。");
            return lines;
        }
        lines.Add($"确认期：{BeijingTime.FormatChinese(draft.OpenedAt)} 至 {BeijingTime.FormatChinese(draft.ClosesAt)}（北京时间）；"
            + (because == Because.AllConfirmed ? "全体参会人员确认后提前定稿。" : "确认期满定稿，期满未答复的视为无异议。"));
        var lastChange = state.Revisions.Count > 0 ? state.Revisions.Max(r => r.At) : (DateTimeOffset?)null;
        foreach (var p in state.Participants)
        {
            var answer = p.Answer switch
            {
                "confirmed" => $"已确认（{BeijingTime.FormatChinese(p.AnsweredAt!.Value)}）" + (lastChange > p.AnsweredAt ? "，确认在此后的修改之前" : ""),
                "objected" => "提出异议（见下）",
                _ => "未答复",
            };
            lines.Add($"{p.Label}：{answer}" + (p.Channel == TaskChannels.Proxy ? "（代为录入）" : ""));
        }
        var names = state.Participants.ToDictionary(p => p.PersonId, p => p.Label);
        foreach (var o in state.Objections)
        {
            var outcome = o.Status switch
            {
                MinutesObjectionStatuses.Accepted => "已采纳，已修改该节" + (o.Response is { } r ? $"。说明：{r}" : ""),
                MinutesObjectionStatuses.Answered => $"答复：{o.Response}",
                MinutesObjectionStatuses.Withdrawn => "异议人其后确认了纪要",
                _ => "定稿时尚未处理",
            };
            lines.Add($"{names.GetValueOrDefault(o.PersonId, "参会人")}对“{o.Section}”提出异议：{Sentence(o.Reason)}处理：{Sentence(outcome)}");
        }
        if (state.Revisions.Count > 0)
            lines.Add($"确认期间工作人员修改纪要 {state.Revisions.Count} 处，每处修改的内容、修改人和时间均有记录。");
        return lines;
    }

    /// <summary>The text as a sentence: one full stop at its end, whether or not the writer put one.</summary>
    private static string Sentence(string text) => text.TrimEnd().TrimEnd('。', '.', '；', ';', '，', ',') + "。";

    /// <summary>Who is asked to confirm: the members present at the meeting, or the whole panel when attendance was not taken.</summary>
    private static async Task<List<RollMember>> ParticipantsAsync(ICivicSession db, Meeting meeting, CancellationToken cancellationToken) =>
        await PresentAsync(db, meeting, await MeetingRecords.RollAsync(db, meeting, cancellationToken), cancellationToken);

    private static async Task<List<RollMember>> PresentAsync(ICivicSession db, Meeting meeting, List<RollMember> roll, CancellationToken cancellationToken)
    {
        var present = (await db.MeetingAttendance.Where(a => a.MeetingId == meeting.Id && a.Present).Select(a => a.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        return present.Count == 0 ? roll : [.. roll.Where(m => present.Contains(m.PersonId))];
    }

    /// <summary>The answer form: confirm, or object to one section (with a reason).</summary>
    private static JsonObject FormData(IReadOnlyList<MinutesSection> sections, DateTimeOffset closesAt)
    {
        var options = new JsonArray { new JsonObject { ["value"] = ConfirmChoice, ["label"] = "确认：纪要内容无误" } };
        foreach (var section in sections)
            options.Add(new JsonObject
            {
                ["value"] = ObjectPrefix + section.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["label"] = ActionItemStore.Truncate($"对“{section.Heading}”有异议", TaskForm.MaxLabelLength),
                ["commentRequired"] = true,
            });
        return new JsonObject
        {
            ["options"] = options,
            ["allowComment"] = true,
            ["description"] = $"请阅读下方的会议纪要草稿。内容无误请选“确认”；某一节与会议情况不符，请选该节并写明理由，工作人员会修改或答复。"
                + $"{BeijingTime.FormatChinese(closesAt)}（北京时间）前可以修改答复；期满未答复的视为无异议，纪要随即定稿归档。",
        };
    }

    private static string NewCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static WorkflowException DraftNotFound() =>
        new(WorkflowErrorKind.NotFound, "minutes-draft-not-found", "The meeting's minutes are not out for confirmation (or the community has no such minutes).");

    private static WorkflowException Invalid(Dictionary<string, FieldError[]> errors) =>
        new(WorkflowErrorKind.Invalid, "invalid-input", "Invalid values; nothing changed.") { FieldErrors = errors };

    private sealed record Participant(Guid PersonId, string Name, string Label, string? Answer, DateTimeOffset? AnsweredAt, string? Channel);

    private sealed record ConfirmationState(List<Participant> Participants, List<MinutesObjection> Objections, List<MinutesRevision> Revisions);
}
