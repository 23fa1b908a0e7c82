using System.Text.Json.Nodes;
using Deliberation.Civic.Elections;
using Deliberation.Engine.Activities;
using Deliberation.Persistence.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence.Activities;

/// <summary>
/// Reminds everyone who has not voted in a layer's open ballots (提醒未投票者): an email with their link, queued in
/// the same transaction as this step. A ballot already closed is skipped. Output: <c>{ reminded, withoutEmail }</c>.
/// </summary>
public sealed class RemindVotersActivity(DeliberationDatabase database, ElectionStore elections) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "RemindVoters", 1, new("提醒未投票者", "Remind voters"), DeliberationSteps.Category,
        [DeliberationSteps.GroupInput, DeliberationSteps.LayerInput],
        ["Done"])
    {
        Description = new("向本层尚未投票、有邮箱的投票人发送提醒邮件(附投票链接)。",
            "Emails a reminder with their link to every voter of the layer who has not voted and has an email."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var groupId = DeliberationSteps.RequireId(context, "groupId");
        var layer = DeliberationSteps.Layer(context);

        int reminded = 0, withoutEmail = 0;
        List<Guid> ids;
        await using (var read = database.CreateContext(tracking: true))
        {
            ids = (await read.Elections.Where(e => e.GroupId == groupId && e.CommunityId == communityId && e.Layer == layer
                    && e.Status == ElectionStatuses.Balloting).ToListAsync(context.CancellationToken))
                .Where(e => e.BallotClosesAt > context.Now).OrderBy(e => e.CreatedAt).Select(e => e.Id).ToList();
            foreach (var id in ids)
            {
                var result = await elections.RemindAsync(read, communityId, id, context.CancellationToken);
                (reminded, withoutEmail) = (reminded + result.Reminded, withoutEmail + result.WithoutEmail);
            }
        }
        context.AddDomainWrite(async (step, token) =>
        {
            await using var db = await database.CreateContextAsync(step, token);
            foreach (var id in ids) await elections.RemindAsync(db, communityId, id, token);
            await db.SaveChangesAsync(token);
        });
        return ActivityResult.Complete(output: new JsonObject { ["reminded"] = reminded, ["withoutEmail"] = withoutEmail });
    }
}
