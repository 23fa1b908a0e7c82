using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Closes the case (结案公示): the follow-up closes and is counted, the case and its complaint are marked closed, and the
/// public notice of the result — who did what, the satisfaction summary — is emailed to the building heads of the affected
/// building groups, in this step's transaction. Output: <c>{ caseId, satisfied, fairlySatisfied, dissatisfied, noAnswer,
/// noticesSent, headsWithoutEmail }</c>.
/// </summary>
public sealed class CloseCaseActivity(ICivicDatabase database, FollowUpStore followUp) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "CloseCase", 1, new("结案公示", "Close case with public notice"), DeliberationSteps.Category,
        [ImplementationSteps.CaseInput],
        ["Done"])
    {
        Description = new("统计回访结果，案件和问题结案，并向受影响楼栋的楼长发送结案公示邮件。",
            "Counts the follow-up, closes the case and its complaint, and emails the public notice of the result to the affected building heads."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var caseId = DeliberationSteps.RequireId(context, "caseId");
        var closed = await DeliberationSteps.WriteInStepAsync(context, database,
            (db, token) => followUp.CloseCaseAsync(db, communityId, caseId, context.InstanceId, token));
        return ActivityResult.Complete(output: new JsonObject
        {
            ["caseId"] = caseId.ToString(),
            ["satisfied"] = closed.Satisfaction.Satisfied,
            ["fairlySatisfied"] = closed.Satisfaction.FairlySatisfied,
            ["dissatisfied"] = closed.Satisfaction.Dissatisfied,
            ["noAnswer"] = closed.Satisfaction.NoAnswer,
            ["noticesSent"] = closed.NoticesSent,
            ["headsWithoutEmail"] = closed.HeadsWithoutEmail,
        });
    }
}
