using System.Globalization;
using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Replies;
using Deliberation.Civic.Scheduling;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// Closes the time poll, fixes the meeting on the slot most can make (of equals, the earliest), and sends each panel
/// member the invitation with an <c>.ics</c> file, the agenda, an RSVP link (changeable until the meeting) and a
/// link to submit proposals. Plans the reminders (default 24 h and 2 h before) out of quiet hours, and the quorum
/// check. Output: <c>{ meetingId, startsAt, endsAt, reminders: [{ sendAt, before, shifted }], quorumCheckAt }</c>.
/// </summary>
public sealed class ScheduleMeetingActivity(ICivicDatabase database, AnswerLinks links, ReplyAddresses replies) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "ScheduleMeeting", 1, new("确定会议时间并发出邀请", "Schedule the meeting"), DeliberationSteps.Category,
        [
            MeetingSteps.MeetingInput,
            new("reminders", InputType.Text, new("会前提醒", "Reminders before"), false, UiHint.SingleLine)
                { Default = "24h,2h", Description = new("会前多久提醒，逗号分隔，如 24h,2h", "How long before the meeting to remind, comma-separated, e.g. 24h,2h") },
            DeliberationSteps.QuietHoursInput,
            new("quorumCheckBefore", InputType.Duration, new("会前核对法定人数", "Check quorum before"), false, UiHint.SingleLine)
                { Default = "24h", Description = new("会前多久按回复核对确认参会人数", "How long before the meeting the confirmed attendance is checked") },
            new("organizerEmail", InputType.Text, new("组织者邮箱", "Organizer email"), false, UiHint.SingleLine)
            {
                Description = new("日历邀请中的组织者，也是回复地址；留空则用本社区工作人员的邮箱（有人读的地址）。",
                    "The organizer in the calendar invitation and the reply address; empty uses the community's staff's address (one somebody reads)."),
            },
        ],
        ["Done"])
    {
        Description = new("按征询结果确定会议时间，发出带日历附件（.ics）和议程的邀请，请参会人回复是否参加，并安排会前提醒。",
            "Fixes the time the poll favours, sends invitations with an .ics file and the agenda, asks for RSVPs and plans the reminders."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var now = context.Now;
        var offsets = ParseOffsets(context.GetText("reminders") ?? "24h,2h", context.Node.Id);
        var quiet = DeliberationSteps.QuietHours(context);
        var checkBefore = context.GetDuration("quorumCheckBefore") ?? TimeSpan.FromHours(24);
        await using var read = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var meeting = await MeetingSteps.LoadAsync(read, context);
        // Replies and calendar answers go to someone who reads them: the address given, else the community's staff.
        var staff = await StaffAlerts.StaffAddressesAsync(read, meeting.CommunityId, context.CancellationToken);
        var organizer = context.GetText("organizerEmail") is { Length: > 0 } o ? o.Trim()
            : staff.Count > 0 ? staff[0].Address : "juweihui@deliberation.local";
        if (meeting.Status is not (MeetingStatuses.Polling or MeetingStatuses.Scheduled))
            throw DeliberationFaults.MeetingNotPolled.Fault(("meeting", meeting.Id), ("status", meeting.Status));
        var slots = MeetingRecords.ReadSlots(meeting);
        var roll = await MeetingRecords.RollAsync(read, meeting, context.CancellationToken);
        var answers = await MeetingRecords.CurrentAnswersAsync(read, meeting, context.CancellationToken);
        var (_, chosen) = TimePoll.Count(slots, roll.Select(m => answers.PollChoices(m.PersonId)).Where(c => c is not null).Select(c => (IReadOnlyCollection<string>)c!));
        var slot = slots[chosen];
        var agenda = MeetingRecords.ReadAgenda(meeting);
        var sequence = meeting.Sequence + 1;
        var scheduled = new Meeting
        {
            Id = meeting.Id, Name = meeting.Name, Place = meeting.Place, StartsAt = slot.Start, EndsAt = slot.End, PollClosesAt = meeting.PollClosesAt,
            CommunityId = meeting.CommunityId, CaseId = meeting.CaseId, Sequence = sequence,
        };

        var tasks = new List<ParticipationTask>();
        var emails = new List<EmailMessage>();
        foreach (var member in roll)
        {
            var rsvp = MeetingRecords.NewTask(meeting, member.PersonId, TaskPurposes.Rsvp, $"是否参加：{meeting.Name}", new JsonObject
            {
                ["options"] = new JsonArray(new JsonObject { ["value"] = "yes", ["label"] = "参加" }, new JsonObject { ["value"] = "no", ["label"] = "不参加" }),
                ["allowComment"] = true,
                ["description"] = $"{slot.ToChinese()}（北京时间），地点：{meeting.Place}。会议开始前都可以修改。",
                ["meetingId"] = meeting.Id.ToString(),
            }, slot.Start, now);
            var proposal = MeetingRecords.NewTask(meeting, member.PersonId, TaskPurposes.Proposal, $"会前提案：{meeting.Name}", new JsonObject
            {
                ["description"] = "请写下您的提案：第一行为标题，下面写具体内容。会议开始前可以修改。",
                ["meetingId"] = meeting.Id.ToString(),
            }, slot.Start, now);
            tasks.Add(rsvp);
            tasks.Add(proposal);
            if (member.Email is not { } email || !EmailAddresses.IsValid(email)) continue;
            var calendar = new MeetingInvitation(meeting.Id, meeting.Name, slot.Start, slot.End, meeting.Place, agenda, organizer, email)
            {
                Sequence = sequence, OrganizerName = "社区居委会", AttendeeName = member.Name,
            }.ToICalendar(now);
            var message = MeetingEmails.Invitation(email, member.Name, scheduled, agenda, links.CreateUrl(rsvp, now),
                links.CreateUrl(proposal, now), member.IsAdvisor && !member.Votes, calendar, replies.Invite(rsvp, TaskForm.Parse(rsvp.Data)));
            // A reply answers the RSVP when replies are read; otherwise it reaches the organiser.
            if (message.ReplyTo is null) message = message with { ReplyTo = organizer };
            emails.Add(message);
        }

        var reminders = MeetingReminders.Plan(slot.Start, offsets, quiet).Where(r => !r.Dropped && r.SendAt > now).ToList();
        var pollEnd = meeting.PollClosesAt > now ? meeting.PollClosesAt : now;
        var quorumCheckAt = slot.Start - checkBefore;
        var halfway = pollEnd + (slot.Start - pollEnd) / 2;
        if (quorumCheckAt < halfway) quorumCheckAt = halfway; // leave people time to answer

        await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            await db.Meetings.Where(m => m.Id == meeting.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MeetingStatuses.Scheduled).SetProperty(m => m.StartsAt, slot.Start)
                    .SetProperty(m => m.EndsAt, slot.End).SetProperty(m => m.Sequence, sequence), ct);
            await db.Tasks.Where(t => t.Purpose == TaskPurposes.TimePoll && t.ClosedAt == null && t.MeetingId == meeting.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), ct);
            db.Tasks.AddRange(tasks);
            db.QueueEmails(emails, now, context.InstanceId);
            // Staff learn that the poll has closed and when the meeting is.
            var answered = roll.Count(m => answers.PollChoices(m.PersonId) is not null);
            StaffAlerts.Queue(db, meeting.CommunityId, staff, context.InstanceId, $"会议时间已确定：{meeting.Name}",
                $"时间征询已截止（{answered}/{roll.Count} 人答复），会议定于{slot.ToChinese()}（北京时间），地点：{meeting.Place}。邀请已发给 {emails.Count} 位有邮箱的议事成员；没有邮箱的成员请电话或上门通知。",
                now);
            await db.SaveChangesAsync(ct);
        });
        return ActivityResult.Complete(output: new JsonObject
        {
            ["meetingId"] = meeting.Id.ToString(),
            ["startsAt"] = slot.Start.ToString("O"),
            ["endsAt"] = slot.End.ToString("O"),
            ["reminders"] = new JsonArray([.. reminders.Select(r => (JsonNode)new JsonObject
            {
                ["meetingId"] = meeting.Id.ToString(), ["sendAt"] = r.SendAt.ToString("O"), ["before"] = Durations.Format(r.Before), ["shifted"] = r.Shifted,
            })]),
            ["quorumCheckAt"] = quorumCheckAt.ToString("O"),
            ["invited"] = emails.Count,
        });
    }

    private static List<TimeSpan> ParseOffsets(string text, string node)
    {
        var offsets = new List<TimeSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Durations.TryParse(part, out var offset) || offset <= TimeSpan.Zero)
                throw DeliberationFaults.MeetingReminders.Fault(("activity", node), ("value", part));
            offsets.Add(offset);
        }
        return offsets;
    }
}
