using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Civic.Audiences;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Replies;
using Deliberation.Civic.Scheduling;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Expressions;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Asking;

/// <summary>
/// 征询参与者: asks an audience resolved when the step runs (a case's panel, building groups, named people, organisations,
/// a role) one question by signed link — yes/no, a choice, an RSVP, a rating, a written answer, a time poll or a progress
/// report with an optional photo (进展与照片) — and waits
/// until everyone has answered (<c>AllAnswered</c>), enough have (<c>QuorumReached</c>) or the deadline comes
/// (<c>Deadline</c>). Each person gets a task (purpose <c>ask</c>) and, with an email, the question; building heads are
/// told which residents of their building have none, and answer for them. Those who have not answered are reminded every
/// <c>reminderInterval</c>, out of the quiet hours. Answers can change until the step ends, when the tasks close.
/// Output (and <c>resultVariable</c>): <c>{ outcome, kind, asked, emailed, withoutEmail, reminders, closesAt, answers, tally, unanswered }</c>
/// (<see cref="AskTally"/>).
/// </summary>
public sealed class AskParticipantsActivity(ICivicDatabase database, AnswerLinks links, ReplyAddresses replies) : Activity
{
    /// <summary>The answers' signal: this prefix and the execution's id, so that two questions of one instance never mix.</summary>
    public const string SignalPrefix = "ask-answered-";

    /// <summary>Everyone asked has answered.</summary>
    public const string AllAnswered = "AllAnswered";

    /// <summary>The quorum of answers was reached before everyone answered.</summary>
    public const string QuorumReached = "QuorumReached";

    /// <summary>The deadline came first.</summary>
    public const string Deadline = "Deadline";

    private const string AnswerTag = "answer", DeadlineTag = "deadline", ReminderTag = "reminder";

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "AskParticipants", 1, new("征询参与者", "Ask participants"), GenericSteps.Category,
        [
            new("title", InputType.Text, new("问题", "Question"), true, UiHint.SingleLine)
                { Description = new("例如：是否同意在5栋加装电梯？", "e.g. Do you agree to a lift for building 5?") },
            new("text", InputType.Text, new("说明", "Details"), false, UiHint.MultiLine)
                { Description = new("显示在问题下方和邮件中，可留空。", "Shown under the question and in the email; optional.") },
            new("form", InputType.Text, new("答复方式", "Answer form"), true, UiHint.Dropdown)
                { Options = AskFormKinds.All, OptionLabels = AskFormKinds.Labels, Default = AskFormKinds.YesNo, Syntaxes = [Expression.Literal, Expression.Scriban] },
            new("options", InputType.Text, new("选项", "Options"), false, UiHint.MultiLine)
            {
                Description = new("每行一个。单选、多选必填；时间征询填候选时间（如 2026-12-01T18:00，北京时间）；是/否和回执可填两个选项替换默认文字（如 同意、不同意）。",
                    "One per line. Required for single and multiple choice; candidate times for a time poll (e.g. 2026-12-01T18:00, Beijing time); for yes/no and RSVP, optionally two labels in place of the usual ones."),
            },
            new("allowComment", InputType.Boolean, new("可附说明", "Allow a comment"), false, UiHint.Checkbox) { Default = true },
            .. AudienceInputs.All,
            new("deadline", InputType.Duration, new("答复期限", "Deadline"), false, UiHint.Duration)
            {
                Default = "7d",
                Description = new("从发出时起算，如 3d、48h；到期走“截止”端口。填 0 则不设期限，一直等到全部答复（或达到法定答复数）。",
                    "From when it is sent, e.g. 3d or 48h; then the Deadline port. 0 sets none: it waits until everyone (or the quorum) has answered."),
            },
            new("quorum", InputType.Text, new("法定答复数", "Quorum"), false, UiHint.SingleLine)
            {
                Description = new("达到即继续（走“达到法定答复数”端口）：人数如 5，或比例如 2/3、60%。留空则等全部答复或截止。",
                    "Go on once this many have answered (QuorumReached): a count such as 5, or a share such as 2/3 or 60%. Empty waits for everyone or the deadline."),
            },
            new("reminderInterval", InputType.Duration, new("提醒间隔", "Remind every"), false, UiHint.Duration)
            {
                Description = new("每隔多久提醒尚未答复的人（至少 1h），如 24h；留空不提醒。免打扰时段内到期的提醒推迟到时段结束。",
                    "How often those who have not answered are reminded (at least 1h), e.g. 24h; empty for none. A reminder due in the quiet hours goes out when they end."),
            },
            new("maxReminders", InputType.Number, new("最多提醒次数", "Reminders at most"), false, UiHint.SingleLine)
                { Default = 2, Description = new($"0–{AskReminders.MaxReminders}", $"0–{AskReminders.MaxReminders}") },
            DeliberationSteps.QuietHoursInput,
            new("resultVariable", InputType.Text, new("保存到变量", "Store result in variable"), false, UiHint.VariablePicker)
            {
                Syntaxes = [Expression.Literal],
                Description = new("可选。结果也在 output.<本活动 id> 中，如 {{ output.ask.tally.counts.yes }}。",
                    "Optional. The result is also in output.<this activity's id>, e.g. {{ output.ask.tally.counts.yes }}."),
            },
        ],
        [AllAnswered, QuorumReached, Deadline])
    {
        Waits = true,
        Description = new("按链接向一组人征询（是/否、单选、多选、回执、评分、文字、时间、进展与照片），未答复者按间隔提醒，全部答复、达到法定答复数或截止后继续，输出答复和统计。",
            "Asks a group by link (yes/no, choice, RSVP, rating, text, times, progress with photo), reminds those who have not answered, and goes on when all, a quorum, or the deadline; outputs the answers and the tally."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Node.Id;
        var now = context.Now;
        var communityId = DeliberationSteps.Community(context);
        var title = context.GetText("title")?.Trim();
        if (TextRules.Check(title, TaskStore.MaxTitleLength, required: true) is not null)
            throw AskFaults.Title.Fault(("activity", activity), ("max", TaskStore.MaxTitleLength));
        var text = context.GetText("text")?.Trim();
        if (TextRules.Check(text, TaskForm.MaxDescriptionLength, required: false, multiline: true) is not null)
            throw AskFaults.Text.Fault(("activity", activity), ("max", TaskForm.MaxDescriptionLength));
        var form = AskForm.Build(context.GetText("form"), context.GetInput("options"), text, context.GetBoolean("allowComment"), now, activity);
        var audience = AudienceInputs.Read(context);
        var deadline = context.GetDuration("deadline");
        // Left empty the input is its default (7d); zero says "no deadline" in so many words.
        if (deadline is { } d && (d < TimeSpan.Zero || d > TimeSpan.FromDays(365))) throw AskFaults.Deadline.Fault(("activity", activity));
        var closesAt = deadline is { } window && window > TimeSpan.Zero ? now + window : (DateTimeOffset?)null;
        var quorumText = context.GetText("quorum");
        if (!AskQuorum.TryParse(quorumText, out var quorum)) throw AskFaults.Quorum.Fault(("activity", activity), ("value", quorumText));
        var interval = context.GetDuration("reminderInterval") is { } every && every > TimeSpan.Zero ? every : (TimeSpan?)null;
        var most = JsonValues.AsNumber(context.GetInput("maxReminders")) ?? 2;
        if ((interval is { } i && i < AskReminders.MinInterval) || most is < 0 or > AskReminders.MaxReminders || most != Math.Floor(most))
            throw AskFaults.Reminders.Fault(("activity", activity), ("max", AskReminders.MaxReminders));
        var quiet = DeliberationSteps.QuietHours(context);
        var resultVariable = context.GetText("resultVariable");

        var signal = SignalPrefix + context.ExecutionId;
        var question = new AskQuestion(title!, string.IsNullOrEmpty(text) ? null : text, form.Kind, form.Options, closesAt);
        var data = form.Data.ToJsonString(DefinitionJson.Options);
        var taskForm = TaskForm.Parse(data);
        var (asked, emailed) = await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            var members = await AudienceResolver.ResolveAsync(db, communityId, audience, activity, ct);
            var emails = new List<EmailMessage>();
            var withoutEmail = new List<Guid>();
            foreach (var member in members)
            {
                var task = new ParticipationTask
                {
                    Id = Guid.CreateVersion7(now), CommunityId = communityId, PersonId = member.PersonId, InstanceId = context.InstanceId, SignalName = signal,
                    Purpose = TaskPurposes.Ask, Title = title!, Data = data, CreatedAt = now, ClosesAt = closesAt, LinkVersion = 1,
                };
                db.Tasks.Add(task);
                if (member.Email is { } email)
                    emails.Add(AskEmails.Question(email, member.Name, question, links.CreateUrl(task, now), Invite(task, taskForm)));
                else withoutEmail.Add(member.PersonId);
            }
            emails.AddRange(await AskProxyNotices.ComposeAsync(db, communityId, withoutEmail, question, links.StaffPage("/proxy"), reminder: false, ct));
            db.QueueEmails(emails, now, context.InstanceId);
            return (members.Count, members.Count - withoutEmail.Count);
        });

        var state = context.State;
        state["signal"] = signal;
        state["kind"] = form.Kind;
        state["title"] = title;
        state["text"] = question.Text;
        state["options"] = new JsonArray([.. form.Options.Select(o => (JsonNode)new JsonObject { ["value"] = o.Value, ["label"] = o.Label })]);
        state["closesAt"] = closesAt is { } c ? Iso(c) : null;
        state["asked"] = asked;
        state["emailed"] = emailed;
        state["required"] = quorum?.RequiredOf(asked);
        state["interval"] = interval?.TotalSeconds;
        state["maxReminders"] = (int)most;
        state["reminders"] = 0;
        state["quietHours"] = quiet.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + quiet.End.ToString("HH:mm", CultureInfo.InvariantCulture);
        state["nextReminderAt"] = interval is { } first && most > 0 && AskReminders.Next(now, first, quiet, closesAt) is { } next ? Iso(next) : null;
        state["resultVariable"] = string.IsNullOrWhiteSpace(resultVariable) ? null : resultVariable.Trim();
        return Wait(state);
    }

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resume);
        var state = context.State;
        switch (resume.Tag)
        {
            case DeadlineTag:
                return await CompleteAsync(context, Deadline);
            case ReminderTag:
                await RemindAsync(context);
                var sent = (int)state["reminders"]! + 1;
                state["reminders"] = sent;
                var quiet = QuietHours.TryParse((string?)state["quietHours"], out var q) ? q : QuietHours.Default;
                state["nextReminderAt"] = sent < (int)state["maxReminders"]! && state["interval"] is JsonValue seconds
                    && AskReminders.Next(context.Now, TimeSpan.FromSeconds((double)seconds), quiet, ClosesAt(state)) is { } next ? Iso(next) : null;
                return Wait(state);
            default:
                var answered = await CountAnsweredAsync(context);
                if (answered >= (int)state["asked"]!) return await CompleteAsync(context, AllAnswered);
                if (state["required"] is JsonValue required && answered >= (int)required) return await CompleteAsync(context, QuorumReached);
                return Wait(state);
        }
    }

    /// <summary>Waits for the next answer, the deadline and the next reminder, whichever comes first.</summary>
    private static ActivityResult Wait(JsonObject state)
    {
        var bookmarks = new List<BookmarkRequest> { BookmarkRequest.ForSignal((string)state["signal"]!, AnswerTag) };
        if (ClosesAt(state) is { } closes) bookmarks.Add(BookmarkRequest.ForTimer(closes, DeadlineTag));
        if (state["nextReminderAt"] is JsonValue next) bookmarks.Add(BookmarkRequest.ForTimer(Parse((string)next!), ReminderTag));
        return ActivityResult.Suspend([.. bookmarks]);
    }

    private async Task<int> CountAnsweredAsync(ActivityContext context)
    {
        var signal = (string)context.State["signal"]!;
        await using var db = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        return await db.Tasks.Where(t => t.InstanceId == context.InstanceId && t.SignalName == signal)
            .CountAsync(t => db.TaskAnswers.Any(a => a.TaskId == t.Id && a.IsCurrent), context.CancellationToken);
    }

    /// <summary>Emails those who have not answered (and the building heads of those without email) their link once more.</summary>
    private async Task RemindAsync(ActivityContext context)
    {
        var state = context.State;
        var signal = (string)state["signal"]!;
        var now = context.Now;
        var communityId = DeliberationSteps.Community(context);
        var question = Question(state);
        await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            var open = await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == context.InstanceId && t.SignalName == signal && t.ClosedAt == null
                    && !db.TaskAnswers.Any(a => a.TaskId == t.Id && a.IsCurrent))
                .ToListAsync(ct);
            var personIds = open.Select(t => t.PersonId).ToList();
            var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var emails = new List<EmailMessage>();
            var withoutEmail = new List<Guid>();
            foreach (var task in open.OrderBy(t => t.Id))
            {
                if (!people.TryGetValue(task.PersonId, out var person)) continue;
                var email = person.Email?.Trim();
                if (email is { Length: > 0 } && Communities.EmailAddresses.IsValid(email))
                    emails.Add(AskEmails.Reminder(email, person.Name, question, links.CreateUrl(task, now), Invite(task, TaskForm.Parse(task.Data))));
                else withoutEmail.Add(person.Id);
            }
            emails.AddRange(await AskProxyNotices.ComposeAsync(db, communityId, withoutEmail, question, links.StaffPage("/proxy"), reminder: true, ct));
            db.QueueEmails(emails, now, context.InstanceId);
        });
    }

    /// <summary>Closes the tasks (answers can no longer change), counts the answers and completes through <paramref name="outcome"/>.</summary>
    private async Task<ActivityResult> CompleteAsync(ActivityContext context, string outcome)
    {
        var state = context.State;
        var signal = (string)state["signal"]!;
        var now = context.Now;
        var asked = await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            var tasks = db.Tasks.Where(t => t.InstanceId == context.InstanceId && t.SignalName == signal);
            await tasks.Where(t => t.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), ct);
            var rows = (await tasks.AsNoTracking().Select(t => new { t.Id, t.PersonId, t.CreatedAt }).ToListAsync(ct)).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);
            var answers = (await db.TaskAnswers.AsNoTracking().Where(a => a.IsCurrent && tasks.Any(t => t.Id == a.TaskId)).ToListAsync(ct))
                .GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.AnsweredAt).Last());
            return rows.Select(r => answers.TryGetValue(r.Id, out var a)
                    ? new AskedPerson(r.PersonId, a.Answer, a.Channel, a.PhotoSha256 is null ? null : (r.Id, a.Id))
                    : new AskedPerson(r.PersonId, null, null))
                .ToList();
        });
        var kind = (string)state["kind"]!;
        var output = new JsonObject
        {
            ["outcome"] = outcome,
            ["kind"] = kind,
            ["asked"] = asked.Count,
            ["emailed"] = (int)state["emailed"]!,
            ["withoutEmail"] = asked.Count - (int)state["emailed"]!,
            ["reminders"] = (int)state["reminders"]!,
            ["closesAt"] = state["closesAt"]?.DeepClone(),
            ["closedAt"] = Iso(now),
            ["answers"] = AskTally.Answers(asked, kind),
            ["tally"] = AskTally.Count(kind, Options(state), asked),
            ["unanswered"] = AskTally.Unanswered(asked),
        };
        if (state["resultVariable"] is JsonValue variable) context.SetVariable((string)variable!, output.DeepClone());
        return ActivityResult.Complete(outcome, output);
    }

    /// <summary>
    /// The question is withdrawn — a Join went on without it, or the instance was cancelled or ended: its open tasks close
    /// now, so their links say the question has closed instead of taking answers nobody waits for (its reminders went with
    /// its timers).
    /// </summary>
    public override async ValueTask CancelAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((string?)context.State["signal"] is not { Length: > 0 } signal) return;
        var now = context.Now;
        await DeliberationSteps.WriteInStepAsync(context, database, (db, ct) =>
            db.Tasks.Where(t => t.InstanceId == context.InstanceId && t.SignalName == signal && t.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), ct));
    }

    /// <summary>Answering by email reply, offered for every form but a progress report (its photo is sent from the page).</summary>
    private ReplyInvite? Invite(ParticipationTask task, TaskForm form) => form.IsProgress ? null : replies.Invite(task, form);

    private static AskQuestion Question(JsonObject state) =>
        new((string)state["title"]!, (string?)state["text"], (string)state["kind"]!, Options(state), ClosesAt(state));

    private static List<TaskOption> Options(JsonObject state) =>
        [.. (state["options"] as JsonArray ?? []).Select(o => new TaskOption((string)o!["value"]!, (string)o["label"]!))];

    private static DateTimeOffset? ClosesAt(JsonObject state) => state["closesAt"] is JsonValue v ? Parse((string)v!) : null;

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
