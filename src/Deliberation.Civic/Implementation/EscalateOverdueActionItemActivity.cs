using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Escalates an action item still open at its due date (逾期升级): an escalation of kind <c>action-item-overdue</c> — a row staff
/// see in the escalations list and an email to the community's escalation contacts and staff — in this step's transaction,
/// once per item. An item done meanwhile is left alone. Output: <c>{ itemId, escalated, escalationId }</c>.
/// </summary>
public sealed class EscalateOverdueActionItemActivity(ICivicDatabase database, ActionItemStore items) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "EscalateOverdueActionItem", 1, new("逾期升级", "Escalate overdue action item"), DeliberationSteps.Category,
        [ImplementationSteps.ItemInput],
        ["Done"])
    {
        Description = new("任务到期仍未完成的，升级给社区工作人员和升级联系人（如街道办），发送邮件并列入上报事项。",
            "An item still open at its due date is escalated to staff and the escalation contacts (e.g. the street office) by email and in the escalations list."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var itemId = DeliberationSteps.RequireId(context, "itemId");
        var raised = await DeliberationSteps.WriteInStepAsync(context, database,
            (db, token) => items.EscalateIfOverdueAsync(db, communityId, itemId, context.InstanceId, token));
        return ActivityResult.Complete(output: new JsonObject
        {
            ["itemId"] = itemId.ToString(),
            ["escalated"] = raised is { IsNew: true },
            ["escalationId"] = raised?.Escalation.Id.ToString(),
        });
    }
}
