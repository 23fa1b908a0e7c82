using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Meetings;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Step 4, after a vote closes (达成共识): decided when it passed under the rules; otherwise another round while
/// rounds are left (each closed vote of the case is one round), and escalation when they are exhausted.
/// Output: <c>{ round, maxRounds, passed, voteId, meetingId }</c>.
/// </summary>
public sealed class EvaluateRoundActivity(ICivicDatabase database) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "EvaluateRound", 1, new("判定协商结果", "Evaluate the round"), DeliberationSteps.Category,
        [
            new("voteId", InputType.Text, new("表决", "Vote"), true, UiHint.Code)
                { Description = new("通常为 {{ output.<等待表决结束的活动 id>.voteId }}", "Usually {{ output.<wait-for-vote activity id>.voteId }}") },
            new("maxRounds", InputType.Number, new("最多轮次", "Most rounds"), false, UiHint.SingleLine)
                { Default = 3, Description = new("达到此轮次仍未形成决议则上报", "Escalate when this many rounds reach no decision") },
        ],
        ["Decided", "NextRound", "Exhausted"])
    {
        Description = new("按议事规则判定表决是否通过；未通过时进入下一轮，轮次用尽则上报。",
            "Decided when the vote passed under the rules; otherwise another round, or escalation when the rounds are used up."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var voteId = DeliberationSteps.RequireId(context, "voteId");
        var maxRounds = (int)(JsonValuesNumber(context.GetInput("maxRounds")) ?? 3);
        if (maxRounds < 1) throw DeliberationFaults.MaxRounds.Fault(("activity", context.Node.Id));
        await using var db = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var vote = await db.MeetingVotes.FirstOrDefaultAsync(v => v.Id == voteId, context.CancellationToken)
            ?? throw DeliberationFaults.VoteMissing.Fault(("vote", voteId));
        if (!await db.Meetings.AnyAsync(m => m.Id == vote.MeetingId && m.CommunityId == communityId, context.CancellationToken))
            throw DeliberationFaults.VoteMissing.Fault(("vote", voteId));
        if (vote.Status != VoteStatuses.Closed) throw DeliberationFaults.VoteOpen.Fault(("vote", voteId));
        var round = await db.MeetingVotes.CountAsync(v => v.CaseId == vote.CaseId && v.Status == VoteStatuses.Closed && v.ClosedAt <= vote.ClosedAt, context.CancellationToken);
        var output = new JsonObject
        {
            ["round"] = round, ["maxRounds"] = maxRounds, ["passed"] = vote.Passed == true, ["voteId"] = vote.Id.ToString(), ["meetingId"] = vote.MeetingId.ToString(),
        };
        var outcome = vote.Passed == true ? "Decided" : round < maxRounds ? "NextRound" : "Exhausted";
        return ActivityResult.Complete(outcome, output);
    }

    private static double? JsonValuesNumber(JsonNode? node) => Engine.Expressions.JsonValues.AsNumber(node);
}
