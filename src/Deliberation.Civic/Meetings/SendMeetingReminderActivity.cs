using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// A reminder before the meeting to everyone on the panel who has not declined, with their RSVP link. A meeting
/// that was cancelled or moved meanwhile gets no reminder. Output: <c>{ reminded, skipped }</c>.
/// </summary>
public sealed class SendMeetingReminderActivity(ICivicDatabase database, AnswerLinks links) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "SendMeetingReminder", 1, new("会前提醒", "Remind of the meeting"), DeliberationSteps.Category,
        [
            MeetingSteps.MeetingInput,
            new("before", InputType.Duration, new("提前多久", "How long before"), false, UiHint.Code)
                { Description = new("写进提醒里的提前量，通常为 {{ item.before }}", "The lead time the reminder mentions, usually {{ item.before }}") },
        ],
        ["Done"])
    {
        Description = new("会前提醒未表示不参加的议事小组成员（附回复链接）；会议已取消则不发。",
            "Reminds everyone on the panel who has not declined (with their RSVP link); nothing when the meeting was cancelled."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var now = context.Now;
        var before = context.GetDuration("before");
        await using var read = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var meeting = await MeetingSteps.LoadAsync(read, context);
        if (meeting.Status != MeetingStatuses.Scheduled || meeting.StartsAt is not { } startsAt || startsAt <= now)
            return ActivityResult.Complete(output: new JsonObject { ["reminded"] = 0, ["skipped"] = meeting.Status });
        var roll = await MeetingRecords.RollAsync(read, meeting, context.CancellationToken);
        var answers = await MeetingRecords.CurrentAnswersAsync(read, meeting, context.CancellationToken);
        var rsvpTasks = await read.Tasks.Where(t => t.Purpose == TaskPurposes.Rsvp && t.MeetingId == meeting.Id && t.ClosedAt == null).ToListAsync(context.CancellationToken);
        var emails = new List<EmailMessage>();
        foreach (var member in roll.Where(m => answers.Rsvp(m.PersonId) != "no"))
        {
            if (member.Email is not { } email || !EmailAddresses.IsValid(email)) continue;
            var task = rsvpTasks.Where(t => t.PersonId == member.PersonId).MaxBy(t => t.CreatedAt);
            var link = task is null ? null : links.CreateUrl(task, now);
            emails.Add(MeetingEmails.Reminder(email, member.Name, meeting, before ?? (startsAt - now), link));
        }
        await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            db.QueueEmails(emails, now, context.InstanceId);
            await db.SaveChangesAsync(ct);
        });
        return ActivityResult.Complete(output: new JsonObject { ["reminded"] = emails.Count, ["skipped"] = null });
    }
}
