using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Reminds the person of an action item before its due date (提醒任务到期): an email with their progress link, queued in this
/// step's transaction. Nothing is sent for an item done, past due or reminded already. Output: <c>{ itemId, reminded }</c>.
/// </summary>
public sealed class RemindActionItemActivity(ICivicDatabase database, ActionItemStore items) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "RemindActionItem", 1, new("提醒任务到期", "Remind of due action item"), DeliberationSteps.Category,
        [ImplementationSteps.ItemInput],
        ["Done"])
    {
        Description = new("向任务汇报人发送到期提醒（附进展汇报链接）；已完成或已提醒的不再发送。",
            "Emails the item's person a reminder with their progress link; nothing for an item done or reminded already."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var itemId = DeliberationSteps.RequireId(context, "itemId");
        var reminded = await DeliberationSteps.WriteInStepAsync(context, database,
            (db, token) => items.RemindAsync(db, communityId, itemId, context.InstanceId, token));
        return ActivityResult.Complete(output: new JsonObject { ["itemId"] = itemId.ToString(), ["reminded"] = reminded });
    }
}
