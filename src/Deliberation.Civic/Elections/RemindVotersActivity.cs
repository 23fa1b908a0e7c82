using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Reminds everyone who has not voted in a layer's open ballots (提醒未投票者): an email with their link, queued in
/// the same transaction as this step. A ballot already closed is skipped. Output: <c>{ reminded, withoutEmail }</c>.
/// </summary>
public sealed class RemindVotersActivity(ICivicDatabase database, ElectionStore elections) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "RemindVoters", 1, new("提醒未投票者", "Remind voters"), DeliberationSteps.Category,
        [DeliberationSteps.GroupInput, DeliberationSteps.LayerInput],
        ["Done"])
    {
        Description = new("向本层尚未投票、有邮箱的投票人发送提醒邮件（附投票链接）。",
            "Emails a reminder with their link to every voter of the layer who has not voted and has an email."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var groupId = DeliberationSteps.RequireId(context, "groupId");
        var layer = DeliberationSteps.Layer(context);

        List<Guid> ids;
        await using (var read = await database.OpenInStepAsync(context.Step, context.CancellationToken))
        {
            ids = (await read.Elections.Where(e => e.GroupId == groupId && e.CommunityId == communityId && e.Layer == layer
                    && e.Status == ElectionStatuses.Balloting).ToListAsync(context.CancellationToken))
                .Where(e => e.BallotClosesAt > context.Now).OrderBy(e => e.CreatedAt).Select(e => e.Id).ToList();
        }
        var results = await DeliberationSteps.WriteInStepAsync(context, database, ids,
            (db, id, token) => elections.RemindAsync(db, communityId, id, token));
        var (reminded, withoutEmail) = (results.Sum(r => r.Reminded), results.Sum(r => r.WithoutEmail));
        return ActivityResult.Complete(output: new JsonObject { ["reminded"] = reminded, ["withoutEmail"] = withoutEmail });
    }
}
