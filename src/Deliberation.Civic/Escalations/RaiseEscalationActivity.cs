using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Escalations;

/// <summary>
/// Escalates to the community's staff and escalation contacts (升级协调), e.g. when a quorum is not reached or the rounds of
/// voting are exhausted: a row in the escalations list and an email to each contact and staff account, in this step's
/// transaction. With <c>relatedId</c> the same kind is raised once for the same thing (a loop passing again, a retried
/// step). A bad kind, subject or body is an incident. Output: <c>{ escalationId, isNew, notified }</c>.
/// </summary>
public sealed class RaiseEscalationActivity(ICivicDatabase database) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "RaiseEscalation", 1, new("升级协调", "Raise escalation"), DeliberationSteps.Category,
        [
            new("kind", InputType.Text, new("类型", "Kind"), true, UiHint.Dropdown)
            {
                Description = new("如 rounds-exhausted（多轮表决未形成决议）、quorum-not-reached（未达法定人数）、no-candidates（推选无人被提名）、response-unhandled（逐级升级后仍未处理）；也可用其他小写字母、数字和连字符组成的代码",
                    "e.g. rounds-exhausted, quorum-not-reached, no-candidates, response-unhandled; any other code of lower-case letters, digits and hyphens"),
                Options =
                [
                    EscalationKinds.RoundsExhausted, EscalationKinds.QuorumNotReached, EscalationKinds.ActionItemOverdue, EscalationKinds.NoCandidates,
                    EscalationKinds.ResponseOverdue, EscalationKinds.ResponseUnhandled, EscalationKinds.NeedUnclaimed, EscalationKinds.NeedNotSatisfied,
                    EscalationKinds.NeedUnconfirmed,
                ],
            },
            new("subject", InputType.Text, new("标题", "Subject"), true, UiHint.SingleLine)
                { Description = new("一行，不超过 200 字", "One line, at most 200 characters") },
            new("body", InputType.Text, new("内容", "Body"), true, UiHint.MultiLine)
                { Description = new("发生了什么、需要谁做什么（中文，作为邮件正文）", "What happened and what is asked (Chinese; the email's text)") },
            new("caseId", InputType.Text, new("议事案件", "Case"), false, UiHint.Code)
                { Description = new("可选，例如 {{ input.caseId }}", "Optional, e.g. {{ input.caseId }}") },
            new("relatedId", InputType.Text, new("相关对象", "Related to"), false, UiHint.Code)
                { Description = new("可选：同一类型对同一对象只升级一次（例如会议 id）", "Optional: the same kind is raised once for the same thing (e.g. a meeting id)") },
        ],
        ["Done"])
    {
        Description = new("向社区工作人员和升级联系人（如街道办）发送升级邮件，并列入上报事项，待工作人员确认。",
            "Emails the community's staff and escalation contacts (e.g. the street office) and lists the escalation until staff acknowledge it."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var caseId = DeliberationSteps.OptionalId(context, "caseId");
        var relatedId = DeliberationSteps.OptionalId(context, "relatedId");
        var request = new EscalationRequest(communityId, caseId, context.GetText("kind")?.Trim() ?? "", context.GetText("subject") ?? "",
            context.GetText("body") ?? "", relatedId, context.InstanceId);
        var raised = await DeliberationSteps.WriteInStepAsync(context, database,
            (db, token) => EscalationStore.RaiseAsync(db, request, context.Now, token));
        return ActivityResult.Complete(output: new JsonObject
        {
            ["escalationId"] = raised.Escalation.Id.ToString(),
            ["isNew"] = raised.IsNew,
            ["notified"] = raised.Escalation.Notified,
        });
    }
}
