using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// Step 5 begins (推动落实:分派任务): every open action item of the case goes to its person — a progress task by signed link
/// and an assignment email, queued in this step's transaction. The reminder of each item is planned
/// <c>reminderBefore</c> its due date, moved out of the quiet hours (22:00–07:00 Beijing time). The output lists the items
/// for a ForEach: <c>{ caseId, count, emailed, items: [{ id, title, responsibleParty, organisationId, dueAt, remind, reminderAt, signal }] }</c>;
/// <c>signal</c> is what the item's done report sends the workflow (<c>action-item-done-{id}</c>). A case without
/// action items is an incident: staff add them and retry.
/// </summary>
public sealed class AssignActionItemsActivity(ICivicDatabase database, ActionItemStore items) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "AssignActionItems", 1, new("分派落实任务", "Assign action items"), DeliberationSteps.Category,
        [
            ImplementationSteps.CaseInput,
            new("reminderBefore", InputType.Duration, new("到期前提醒", "Remind before due"), false, UiHint.Duration)
                { Description = new("到期前多久提醒责任人，例如 3d；落在 22:00–07:00 的提醒顺延到 07:00", "How long before the due date the person is reminded, e.g. 3d; a reminder due 22:00–07:00 goes out at 07:00"), Default = "3d" },
        ],
        ["Done"])
    {
        Description = new("为案件的每项未完成任务发出进展汇报链接和分派邮件，并计划到期前提醒；输出任务列表供“逐项并行”使用。",
            "Sends each open action item of the case its progress link and assignment email, and plans the reminder; outputs the items for a ForEach."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var caseId = DeliberationSteps.RequireId(context, "caseId");
        var before = context.GetDuration("reminderBefore") ?? ActionItemReminders.DefaultBefore;
        if (before <= TimeSpan.Zero || before > TimeSpan.FromDays(365)) throw DeliberationFaults.ActionItemRemindBefore.Fault();
        var assigned = await DeliberationSteps.WriteInStepAsync(context, database,
            (db, token) => items.AssignAsync(db, communityId, caseId, context.InstanceId, before, token));
        return ActivityResult.Complete(output: new JsonObject
        {
            ["caseId"] = caseId.ToString(),
            ["count"] = assigned.Count,
            ["emailed"] = assigned.Count(a => a.Emailed),
            ["items"] = new JsonArray(assigned.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Item.Id.ToString(),
                ["title"] = a.Item.Title,
                ["responsibleParty"] = a.Item.ResponsibleParty,
                ["organisationId"] = a.Item.OrganisationId?.ToString(),
                ["dueAt"] = ImplementationSteps.Iso(a.Item.DueAt),
                ["remind"] = a.ReminderAt is not null,
                ["reminderAt"] = a.ReminderAt is { } at ? ImplementationSteps.Iso(at) : null,
                ["signal"] = ActionItemStore.DoneSignal(a.Item.Id),
            }).ToArray()),
        });
    }
}
