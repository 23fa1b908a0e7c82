using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Escalations;
using Deliberation.Civic.Meetings;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Rounds exhausted without a decision (多轮协商未果): an escalation of kind <c>rounds-exhausted</c> to the community's
/// escalation contacts (e.g. the street office) and staff, by email and in the escalations list, in this step's
/// transaction, once per case. The body lists every round with its question and result.
/// Output: <c>{ escalationId, rounds }</c>.
/// </summary>
public sealed class EscalateRoundsActivity(ICivicDatabase database) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "EscalateRounds", 1, new("上报协调（多轮未果）", "Escalate: no decision"), DeliberationSteps.Category,
        [
            new("voteId", InputType.Text, new("最后一轮表决", "Last round's vote"), true, UiHint.Code)
                { Description = new("通常为 {{ vars.meetingEvent.voteId }}", "Usually {{ vars.meetingEvent.voteId }}") },
        ],
        ["Done"])
    {
        Description = new("协商轮次用尽仍未形成决议时，上报社区升级联系人（如街道办）和工作人员，发送邮件并列入上报事项。",
            "When the rounds are used up without a decision, escalates to the escalation contacts (e.g. the street office) and staff by email and in the escalations list."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var voteId = DeliberationSteps.RequireId(context, "voteId");
        var ct = context.CancellationToken;
        await using var read = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var last = await read.MeetingVotes.FirstOrDefaultAsync(v => v.Id == voteId, ct) ?? throw DeliberationFaults.VoteMissing.Fault(("vote", voteId));
        var deliberation = await read.Cases.SingleAsync(c => c.Id == last.CaseId && c.CommunityId == communityId, ct);
        var votes = await read.MeetingVotes.Where(v => v.CaseId == last.CaseId && v.Status == VoteStatuses.Closed).ToListAsync(ct);
        var rounds = new StringBuilder();
        var number = 0;
        foreach (var vote in votes.OrderBy(v => v.ClosedAt))
        {
            var explanation = (string?)JsonNode.Parse(vote.Result ?? "{}")?["explanationZh"] ?? "";
            rounds.Append(++number).Append(". ").Append(Civic.BeijingTime.FormatChinese(vote.ClosedAt!.Value)).Append(" 表决“").Append(vote.Question)
                .Append("”：").Append(vote.Passed == true ? "通过" : "未通过").Append('。').Append(explanation).Append('\n');
        }
        var label = deliberation.CaseNumber is { } n ? $"{n} {deliberation.Title}" : deliberation.Title;
        var subject = $"{deliberation.Title}：协商 {number} 轮未形成决议，请求协调";
        if (subject.Length > EscalationRules.MaxSubjectLength) subject = subject[..EscalationRules.MaxSubjectLength];
        var body = $"""
            案件：{label}

            该议题已按议事规则协商 {number} 轮，仍未形成决议：
            {rounds}
            请街道及相关部门协调。会议纪要已归档，可向社区居委会调阅。
            """;
        var request = new EscalationRequest(communityId, deliberation.Id, EscalationKinds.RoundsExhausted, subject, body, deliberation.Id, context.InstanceId);
        // Checked now, so that a bad request is an incident of this activity rather than a failed commit.
        if (EscalationRules.Validate(request) is { Count: > 0 } problems)
            throw DeliberationFaults.EscalationInvalid.Fault(("detail", string.Join("; ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value.Select(e => e.Format(english: true)))}"))));
        await DeliberationSteps.WriteInStepAsync(context, database, async (db, token) =>
        {
            await EscalationStore.RaiseAsync(db, request, context.Now, token);
            await db.SaveChangesAsync(token);
        });
        return ActivityResult.Complete(output: new JsonObject { ["rounds"] = number, ["caseId"] = deliberation.Id.ToString() });
    }
}
