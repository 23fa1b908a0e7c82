using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Step 2 begins (确定利益相关方): opens the deliberation case of the anchored complaint (or reuses the one with this case
/// number) and, by the case's <c>stakeholderMode</c>, defines its affected groups from the complaint's buildings and
/// households — by default one per affected building, so that every building is represented. A small group sits on the
/// panel directly; a larger one elects — within one building in one layer (a large one by entrance, 单元, in two), across
/// several in two. With parties only, no group is defined: staff add the parties to the panel.
/// Output: <c>{ caseId, stakeholderMode, groups: [{ groupId, name, mode, householdCount }], electing: [...] }</c>, where
/// <c>electing</c> lists the groups that elect (the workflow runs their elections side by side).
/// </summary>
public sealed class IdentifyStakeholdersActivity(ICivicDatabase database, StakeholderStore stakeholders) : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "IdentifyStakeholders", 1, new("确定利益相关方", "Identify stakeholders"), DeliberationSteps.Category,
        [
            new("complaintId", InputType.Text, new("锚定的问题", "Anchored complaint"), true, UiHint.Code)
                { Description = new("通常为 {{ input.complaintId }}", "Usually {{ input.complaintId }}") },
            new("caseNumber", InputType.Text, new("案件编号", "Case number"), false, UiHint.Code)
                { Description = new("留空则用实例的关联编号（锚定时的案件编号）", "Empty: the instance's correlation id (the case number given when anchored)") },
            new("stakeholderMode", InputType.Text, new("参与方式", "Stakeholder mode"), false, UiHint.Dropdown)
            {
                Description = new("elected：受影响居民推选利益代表（默认）；direct：受影响住户全部直接参加；parties：只由各方单位派代表参加（如四方联席会议），不推选",
                    "elected: the affected residents elect representatives (default); direct: every affected household takes part; parties: organisations only, through their representatives (e.g. a four-party joint meeting), no election"),
                Options = StakeholderModes.All, Default = StakeholderModes.Elected,
            },
            new("grouping", InputType.Text, new("利益相关群体划分", "Grouping"), false, UiHint.Dropdown)
            {
                Description = new("per-building：每个受影响的楼栋各为一个群体，各自推选代表（默认）；together：所有受影响住户为一个群体，跨楼栋时逐层推选",
                    "per-building: each affected building is a group electing its own representatives (default); together: one group of every affected household, electing layer by layer across buildings"),
                Options = Groupings.All, Default = Groupings.PerBuilding,
            },
        ],
        [ParticipationOutcomes.Elect, ParticipationOutcomes.Seated])
    {
        Description = new("按问题影响的楼栋和住户确定利益相关群体（默认每栋一个）：人数少的直接参加议事，人数多的推选代表；也可只由各方单位参加。",
            "Defines the affected groups from the complaint's buildings and households (by default one per building): a small group takes part directly, a larger one elects representatives; or parties only."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var complaintId = DeliberationSteps.RequireId(context, "complaintId");
        var caseNumber = context.GetText("caseNumber") is { Length: > 0 } given ? given.Trim() : context.CorrelationId;
        var mode = context.GetText("stakeholderMode") is { Length: > 0 } m ? m : StakeholderModes.Elected;
        var grouping = context.GetText("grouping") is { Length: > 0 } g ? g : Groupings.PerBuilding;
        if (!StakeholderModes.All.Contains(mode)) throw DeliberationFaults.StakeholderMode.Fault(("value", mode), ("modes", string.Join(", ", StakeholderModes.All)));
        if (!Groupings.All.Contains(grouping)) throw DeliberationFaults.Grouping.Fault(("value", grouping), ("groupings", string.Join(", ", Groupings.All)));
        var ct = context.CancellationToken;

        // Everything in the step's unit of work: a refusal is an incident of this activity and takes back what it wrote.
        await using var db = await database.OpenInStepAsync(context.Step, ct);
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId && c.CommunityId == communityId, ct)
            ?? throw DeliberationFaults.ComplaintMissing.Fault(("complaint", complaintId));
        var existingCase = caseNumber is null ? null
            : await db.Cases.Where(c => c.CommunityId == communityId && c.CaseNumber == caseNumber).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (existingCase is not null)
        {
            var defined = await db.AffectedGroups.Where(x => x.CaseId == existingCase.Id).OrderBy(x => x.CreatedAt).ToListAsync(ct);
            if (defined.Count > 0 || existingCase.StakeholderMode == StakeholderModes.Parties)
                return Completed(existingCase.Id, existingCase.StakeholderMode, defined);
        }

        var caseId = existingCase?.Id ?? Guid.CreateVersion7(context.Now);
        if (existingCase is null)
        {
            var created = await stakeholders.CreateCaseAsync(db, caseId, communityId, complaintId, caseNumber, complaint.Title, false, ct);
            created.StakeholderMode = mode;
        }
        else existingCase.StakeholderMode = mode;
        var groups = new List<AffectedGroup>();
        if (mode != StakeholderModes.Parties)
        {
            foreach (var part in await PartsAsync(db, complaintId, grouping, ct))
            {
                var group = await stakeholders.DefineGroupAsync(db, Guid.CreateVersion7(context.Now), communityId, caseId, part.Name, part.Kind,
                    part.WholeBuilding, null, part.Households, ct, direct: mode == StakeholderModes.Direct);
                groups.Add(group.Group);
            }
        }
        await db.SaveChangesAsync(ct);
        return Completed(caseId, mode, groups);
    }

    /// <summary>An affected group to define: a whole building, or the listed households.</summary>
    private sealed record Part(string Name, string Kind, Guid? WholeBuilding, List<Guid>? Households);

    /// <summary>
    /// The groups the complaint's scopes make: per building, each affected building (the whole building when the complaint
    /// names it, else its listed households); together, one group (a whole building when that is all it names).
    /// </summary>
    private static async Task<List<Part>> PartsAsync(ICivicSession db, Guid complaintId, string grouping, CancellationToken ct)
    {
        var scopes = await db.ComplaintScopes.Where(s => s.ComplaintId == complaintId).ToListAsync(ct);
        var buildingIds = scopes.Select(s => s.BuildingGroupId).Distinct().ToList();
        var households = await db.Households.Where(h => buildingIds.Contains(h.BuildingGroupId)).Select(h => new { h.Id, h.BuildingGroupId }).ToListAsync(ct);
        var byBuilding = households.ToLookup(h => h.BuildingGroupId, h => h.Id);
        var buildings = (await db.BuildingGroups.Where(b => buildingIds.Contains(b.Id)).ToListAsync(ct))
            .OrderBy(b => b.Label, Roster.NaturalComparer.Instance).ToList();
        Part Of(IReadOnlyList<BuildingGroup> these)
        {
            var ids = these.Select(b => b.Id).ToList();
            var own = scopes.Where(s => ids.Contains(s.BuildingGroupId)).ToList();
            var name = string.Join("、", these.Select(b => b.Label));
            if (name.Length > StakeholderStore.MaxNameLength) name = name[..StakeholderStore.MaxNameLength];
            // One whole building group is that building group; anything else is the listed households.
            return these.Count == 1 && own.All(s => s.HouseholdId is null)
                ? new Part(name, AffectedGroupKinds.BuildingGroup, these[0].Id, null)
                : new Part(name, AffectedGroupKinds.AdHoc, null, AffectedHouseholds.Of(own, byBuilding).Order().ToList());
        }
        return grouping == Groupings.Together ? [Of(buildings)] : buildings.Select(b => Of([b])).ToList();
    }

    private static ActivityResult Completed(Guid caseId, string mode, IReadOnlyList<AffectedGroup> groups)
    {
        static JsonNode View(AffectedGroup g) => new JsonObject
        {
            ["groupId"] = g.Id.ToString(), ["name"] = g.Name, ["mode"] = g.Mode, ["householdCount"] = g.HouseholdCount,
        };
        var electing = groups.Where(g => g.Mode != ParticipationModes.Direct).ToList();
        return ActivityResult.Complete(electing.Count > 0 ? ParticipationOutcomes.Elect : ParticipationOutcomes.Seated, new JsonObject
        {
            ["caseId"] = caseId.ToString(),
            ["stakeholderMode"] = mode,
            ["groups"] = new JsonArray(groups.Select(View).ToArray()),
            ["electing"] = new JsonArray(electing.Select(View).ToArray()),
        });
    }
}
