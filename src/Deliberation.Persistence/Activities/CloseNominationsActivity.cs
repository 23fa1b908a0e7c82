using System.Text.Json.Nodes;
using Deliberation.Civic.Elections;
using Deliberation.Engine.Activities;
using Deliberation.Persistence.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence.Activities;

/// <summary>
/// Closes the nominations of a layer's elections and opens the ballot (截止提名并发放选票): a ballot task per
/// voter and, for each voter with an email, the link in an email queued in the same transaction as this step.
/// Output: <c>{ elections, ballotsIssued }</c>.
/// </summary>
public sealed class CloseNominationsActivity(DeliberationDatabase database, ElectionStore elections) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "CloseNominations", 1, new("截止提名并发放选票", "Close nominations and send ballots"), DeliberationSteps.Category,
        [DeliberationSteps.GroupInput, DeliberationSteps.LayerInput],
        ["Done"])
    {
        Description = new("截止本层各场推选的提名,向每位投票人发放选票,有邮箱的发送投票链接。",
            "Closes nominations in the layer's elections and issues a ballot to each voter, emailing the link to those with an email."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var groupId = DeliberationSteps.RequireId(context, "groupId");
        var layer = DeliberationSteps.Layer(context);

        List<Guid> ids;
        await using (var read = database.CreateContext())
        {
            ids = (await read.Elections.Where(e => e.GroupId == groupId && e.CommunityId == communityId && e.Layer == layer && e.Status == ElectionStatuses.Nominating)
                .ToListAsync(context.CancellationToken)).OrderBy(e => e.CreatedAt).Select(e => e.Id).ToList();
        }
        var closed = await DeliberationSteps.RehearseThenWriteAsync(context, database, ids,
            (db, id, token) => elections.CloseNominationsAsync(db, communityId, id, token));
        var ballots = closed.Sum(e => e.BallotsIssued);
        return ActivityResult.Complete(output: new JsonObject
        {
            ["elections"] = new JsonArray(ids.Select(id => (JsonNode)id.ToString()).ToArray()),
            ["ballotsIssued"] = ballots,
        });
    }
}
