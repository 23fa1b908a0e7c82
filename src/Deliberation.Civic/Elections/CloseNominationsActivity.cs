using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Closes the nominations of a layer's elections and opens the ballot (截止提名并发放选票): a ballot task per
/// voter and, for each voter with an email, the link in an email queued in the same transaction as this step. Takes
/// <c>NoCandidates</c>, closing nothing, when an election of the layer has nobody nominated: the workflow then alerts
/// staff and opens the nominations again. Output: <c>{ elections, ballotsIssued, withoutCandidates, withoutCandidatesNames }</c>.
/// </summary>
public sealed class CloseNominationsActivity(ICivicDatabase database, ElectionStore elections) : Activity
{
    /// <summary>The outcome when the ballots went out.</summary>
    public const string Done = "Done";

    /// <summary>The outcome when an election of the layer has no candidates, and nothing was closed.</summary>
    public const string NoCandidates = "NoCandidates";

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "CloseNominations", 1, new("截止提名并发放选票", "Close nominations and send ballots"), DeliberationSteps.Category,
        [DeliberationSteps.GroupInput, DeliberationSteps.LayerInput],
        [Done, NoCandidates])
    {
        Description = new("截止本层各场推选的提名，向每位投票人发放选票，有邮箱的发送投票链接；有推选无人被提名时走“NoCandidates”端口，不截止任何推选。",
            "Closes nominations in the layer's elections and issues a ballot to each voter, emailing the link to those with an email; when an election has nobody nominated it takes NoCandidates and closes nothing."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var groupId = DeliberationSteps.RequireId(context, "groupId");
        var layer = DeliberationSteps.Layer(context);

        List<Guid> ids;
        List<(Guid Id, string Name)> empty;
        await using (var read = await database.OpenInStepAsync(context.Step, context.CancellationToken))
        {
            var ct = context.CancellationToken;
            ids = (await read.Elections.Where(e => e.GroupId == groupId && e.CommunityId == communityId && e.Layer == layer && e.Status == ElectionStatuses.Nominating)
                .ToListAsync(ct)).OrderBy(e => e.CreatedAt).Select(e => e.Id).ToList();
            // Nominations have closed by now (the store refuses later ones), so nobody can be nominated between this read and the commit.
            var withoutCandidates = (await read.Elections.Where(e => ids.Contains(e.Id) && !read.Candidates.Any(c => c.ElectionId == e.Id))
                .ToListAsync(ct)).OrderBy(e => e.CreatedAt).ToList();
            var buildingIds = withoutCandidates.Select(e => e.BuildingGroupId).OfType<Guid>().ToList();
            var buildings = await read.BuildingGroups.Where(b => buildingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Label, ct);
            var groupName = await read.AffectedGroups.Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefaultAsync(ct) ?? "";
            // Layer 1 elects per building group; layer 2 is the group's one election.
            empty = withoutCandidates.Select(e => (e.Id, e.BuildingGroupId is { } b ? buildings.GetValueOrDefault(b, groupName) : groupName)).ToList();
        }
        if (empty.Count > 0)
            return ActivityResult.Complete(NoCandidates, new JsonObject
            {
                ["elections"] = new JsonArray(ids.Select(id => (JsonNode)id.ToString()).ToArray()),
                ["ballotsIssued"] = 0,
                ["withoutCandidates"] = new JsonArray(empty.Select(e => (JsonNode)e.Id.ToString()).ToArray()),
                ["withoutCandidatesNames"] = string.Join("、", empty.Select(e => e.Name)),
            });
        var closed = await DeliberationSteps.WriteInStepAsync(context, database, ids,
            (db, id, token) => elections.CloseNominationsAsync(db, communityId, id, token));
        var ballots = closed.Sum(e => e.BallotsIssued);
        return ActivityResult.Complete(Done, new JsonObject
        {
            ["elections"] = new JsonArray(ids.Select(id => (JsonNode)id.ToString()).ToArray()),
            ["ballotsIssued"] = ballots,
            ["withoutCandidates"] = new JsonArray(),
            ["withoutCandidatesNames"] = "",
        });
    }
}
