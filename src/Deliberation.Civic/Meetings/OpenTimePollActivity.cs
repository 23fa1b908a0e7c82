using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Replies;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Messaging;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// Step 3, convening (搭建平台): sends the time poll of a planned meeting to everyone on the panel — a link to tick
/// the candidate times that suit. Output: <c>{ meetingId, pollClosesAt, polled, withoutEmail }</c>.
/// </summary>
public sealed class OpenTimePollActivity(ICivicDatabase database, AnswerLinks links, ReplyAddresses replies) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "OpenTimePoll", 1, new("征询会议时间", "Poll meeting times"), DeliberationSteps.Category,
        [MeetingSteps.MeetingInput],
        ["Done"])
    {
        Description = new("向议事小组全体成员发送会议时间征询链接（2–5 个候选时间，可多选）。",
            "Sends everyone on the panel a link to tick the candidate meeting times (2–5) that suit them."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var now = context.Now;
        await using var read = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var meeting = await MeetingSteps.LoadAsync(read, context);
        if (meeting.Status != MeetingStatuses.Planned)
            return Completed(meeting, 0, 0); // already polled (a retried step): nothing more to send
        var slots = MeetingRecords.ReadSlots(meeting);
        var roll = await MeetingRecords.RollAsync(read, meeting, context.CancellationToken);
        if (roll.Count == 0) throw DeliberationFaults.PanelEmpty.Fault();

        var options = new JsonArray([.. slots.Select((s, i) => (JsonNode)new JsonObject { ["value"] = MeetingSlot.OptionValue(i), ["label"] = s.ToChinese() })]);
        var tasks = new List<ParticipationTask>();
        var emails = new List<EmailMessage>();
        foreach (var member in roll)
        {
            var data = new JsonObject
            {
                ["options"] = options.DeepClone(), ["multiple"] = true,
                // None of these times: tick none and say so (and which time would suit) in the comment.
                ["allowComment"] = true,
                ["description"] = $"“{meeting.Name}”，地点：{meeting.Place}。请勾选您能参加的所有时间（北京时间）。如果这些时间都不能参加，请不要勾选，在下面的说明中写明，也可以写下您方便的时间。",
                ["meetingId"] = meeting.Id.ToString(),
            };
            var task = MeetingRecords.NewTask(meeting, member.PersonId, TaskPurposes.TimePoll, $"选择会议时间：{meeting.Name}", data, meeting.PollClosesAt, now);
            tasks.Add(task);
            if (member.Email is { } email && EmailAddresses.IsValid(email))
                emails.Add(MeetingEmails.TimePoll(email, member.Name, meeting, slots, links.CreateUrl(task, now), replies.Invite(task, TaskForm.Parse(task.Data))));
        }
        await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MeetingStatuses.Polling), ct);
            db.Tasks.AddRange(tasks);
            db.QueueEmails(emails, now, context.InstanceId);
            await db.SaveChangesAsync(ct);
        });
        return Completed(meeting, emails.Count, roll.Count - emails.Count);
    }

    private static ActivityResult Completed(Meeting meeting, int polled, int withoutEmail) => ActivityResult.Complete(output: new JsonObject
    {
        ["meetingId"] = meeting.Id.ToString(),
        ["pollClosesAt"] = meeting.PollClosesAt.ToString("O"),
        ["polled"] = polled,
        ["withoutEmail"] = withoutEmail,
    });
}
