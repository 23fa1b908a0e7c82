using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Counts a layer's ballots (计票): closes them and counts the current votes of each election not counted yet;
/// representatives elected join the panel. Takes <c>Counted</c> when every election of the layer has its result,
/// <c>NeedsStaffDecision</c> while a tie for the last seat waits for staff (tie rule <c>staff</c>) — the workflow then
/// waits for the signal <c>tie-decided</c> and counts again. Output: <c>{ elections, tied, layer, nextLayer }</c>, where
/// <c>nextLayer</c> says that the group goes on to elect its representatives among the delegates just elected.
/// </summary>
public sealed class CountVotesActivity(ICivicDatabase database, ElectionStore elections) : Activity
{
    /// <summary>The outcome when every election of the layer has its result.</summary>
    public const string Counted = "Counted";

    /// <summary>The outcome while a tie waits for the staff decision.</summary>
    public const string NeedsStaffDecision = "NeedsStaffDecision";

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "CountVotes", 1, new("计票", "Count votes"), DeliberationSteps.Category,
        [DeliberationSteps.GroupInput, DeliberationSteps.LayerInput],
        [Counted, NeedsStaffDecision])
    {
        Description = new("截止投票并计票；平票由工作人员决定时走“待工作人员决定”端口。",
            "Closes the ballots and counts; a tie left to staff takes the NeedsStaffDecision port."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var groupId = DeliberationSteps.RequireId(context, "groupId");
        var layer = DeliberationSteps.Layer(context);
        var ct = context.CancellationToken;

        // Read, count and close the ballots in the step's unit of work: the outcome is what the count wrote.
        List<Guid> toCount = [];
        var tied = new List<Guid>();
        var layered = false;
        await DeliberationSteps.WriteInStepAsync(context, database, async (db, token) =>
        {
            layered = await db.AffectedGroups.AnyAsync(g => g.Id == groupId && g.Mode == ParticipationModes.Layered, token);
            var layerElections = (await db.Elections.Where(e => e.GroupId == groupId && e.CommunityId == communityId && e.Layer == layer).ToListAsync(token))
                .OrderBy(e => e.CreatedAt).ToList();
            if (layerElections.Count == 0) throw DeliberationFaults.NoElections.Fault(("layer", layer));
            foreach (var election in layerElections)
            {
                switch (election.Status)
                {
                    case ElectionStatuses.Nominating:
                        throw DeliberationFaults.NominationsOpen.Fault(("election", election.Id));
                    case ElectionStatuses.Tied:
                        tied.Add(election.Id);
                        break;
                    case ElectionStatuses.Balloting:
                        if (context.Now < election.BallotClosesAt)
                            throw DeliberationFaults.BallotOpen.Fault(("election", election.Id), ("until", BeijingTime.ToBeijing(election.BallotClosesAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
                        toCount.Add(election.Id);
                        break;
                }
            }
            foreach (var id in toCount)
                if ((await elections.CountAsync(db, communityId, id, token)).Status == ElectionStatuses.Tied) tied.Add(id);
        });
        var expectTie = tied.Count > 0;
        return ActivityResult.Complete(expectTie ? NeedsStaffDecision : Counted, new JsonObject
        {
            ["elections"] = new JsonArray(toCount.Select(id => (JsonNode)id.ToString()).ToArray()),
            ["tied"] = new JsonArray(tied.Select(id => (JsonNode)id.ToString()).ToArray()),
            ["layer"] = layer,
            ["nextLayer"] = !expectTie && layered && layer == 1,
        });
    }
}
