using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Meetings;

/// <summary>
/// Checks, by the deadline, whether enough voters confirmed they will come (RSVP "参加") to reach the quorum of the
/// case's rules (over eligible voters; advisors excluded unless they vote). Not reached: the meeting is called off,
/// everyone on the panel is told, staff are alerted, and the workflow goes back to the time poll (port NotMet).
/// A meeting that was held and closed before the check ran counts as met. Output: <c>{ confirmed, needed, eligible }</c>.
/// </summary>
public sealed class CheckQuorumActivity(ICivicDatabase database, StaffAlerts alerts) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "CheckQuorum", 1, new("核对法定人数", "Check the quorum"), DeliberationSteps.Category,
        [MeetingSteps.MeetingInput],
        ["Met", "NotMet"])
    {
        Description = new("按回复统计确认参会的表决人数；不足法定人数则取消会议、通知小组成员并提醒工作人员重新征询时间。",
            "Counts the voters who confirmed; below the quorum the meeting is called off, the panel told and staff alerted to poll again."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var now = context.Now;
        await using var read = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var meeting = await MeetingSteps.LoadAsync(read, context);
        var deliberation = await read.Cases.SingleAsync(c => c.Id == meeting.CaseId, context.CancellationToken);
        var rules = MeetingRecords.ReadRules(deliberation).Rules;
        var roll = await MeetingRoll.ReadAsync(read, meeting.CaseId, rules, context.CancellationToken);
        var answers = await MeetingRecords.CurrentAnswersAsync(read, meeting, context.CancellationToken);
        var voters = roll.Where(m => m.Votes).ToList();
        var confirmed = voters.Count(m => answers.Rsvp(m.PersonId) == "yes");
        var needed = Quorum.Needed(rules.Quorum, voters.Count);
        var output = new JsonObject { ["confirmed"] = confirmed, ["needed"] = needed, ["eligible"] = voters.Count };
        // Held already (the check ran late: the timer pump lagged or the host was down at its time): the RSVPs no
        // longer matter, the votes' own quorum was counted, and the vote and the close staff recorded wait queued for the meeting.
        if (meeting.Status == MeetingStatuses.Closed) return ActivityResult.Complete("Met", output);
        if (meeting.Status != MeetingStatuses.Scheduled) return ActivityResult.Complete("NotMet", output);
        if (voters.Count > 0 && confirmed >= needed) return ActivityResult.Complete("Met", output);

        var reason = $"截至{Civic.BeijingTime.FormatChinese(now)}，确认参会的表决人 {confirmed} 人，不足法定人数 {needed} 人（共 {voters.Count} 名表决人，法定人数为 {rules.Quorum.ToChinese()}）。";
        var emails = roll.Where(m => m.Email is { } e && EmailAddresses.IsValid(e))
            .Select(m => MeetingEmails.Cancellation(m.Email!, m.Name, meeting, reason)).ToList();
        var caseTitle = deliberation.CaseNumber is { } number ? $"{number} {deliberation.Title}" : deliberation.Title;
        var subject = $"【需处理】会议法定人数不足，已取消：{meeting.Name}";
        var body = $"""
            案件：{caseTitle}
            会议：{meeting.Name}（第 {meeting.Round} 次）

            {reason}

            会议已自动取消并通知了议事小组成员。请与未回复的成员联系，然后在系统中重新安排候选时间，流程将重新发出时间征询。
            """;
        await DeliberationSteps.WriteInStepAsync(context, database, async (db, ct) =>
        {
            await db.Meetings.Where(m => m.Id == meeting.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MeetingStatuses.Cancelled).SetProperty(m => m.ClosedAt, now)
                    .SetProperty(m => m.CancelReason, reason).SetProperty(m => m.Sequence, m => m.Sequence + 1), ct);
            await db.Tasks.Where(t => t.MeetingId == meeting.Id && t.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedAt, now), ct);
            db.QueueEmails(emails, now, context.InstanceId);
            await alerts.QueueAsync(db, meeting.CommunityId, context.InstanceId, subject, body, now, ct);
            await db.SaveChangesAsync(ct);
        });
        return ActivityResult.Complete("NotMet", output);
    }
}
