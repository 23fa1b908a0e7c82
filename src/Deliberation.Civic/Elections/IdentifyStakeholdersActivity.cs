using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Issues;
using Deliberation.Civic.Participation;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Step 2 begins (确定利益相关方): opens the deliberation case of the anchored complaint (or reuses the one
/// with this case number) and defines the affected group from the complaint's affected building groups and
/// households. A small group sits on the panel directly; a larger one elects — within one building group in
/// one layer, across several in two. Output: <c>{ caseId, groupId, mode, householdCount }</c>.
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
        ],
        [ParticipationOutcomes.Direct, ParticipationOutcomes.SingleLayer, ParticipationOutcomes.Layered])
    {
        Description = new("按问题影响的楼栋和住户确定利益相关群体：人数少的直接参加议事，人数多的逐层推选代表。",
            "Defines the affected group from the complaint's buildings and households: a small group takes part directly, a larger one elects representatives layer by layer."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var complaintId = DeliberationSteps.RequireId(context, "complaintId");
        var caseNumber = context.GetText("caseNumber") is { Length: > 0 } given ? given.Trim() : context.CorrelationId;
        var ct = context.CancellationToken;

        // Everything in the step's unit of work: a refusal is an incident of this activity and takes back what it wrote.
        await using var db = await database.OpenInStepAsync(context.Step, ct);
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId && c.CommunityId == communityId, ct)
            ?? throw DeliberationFaults.ComplaintMissing.Fault(("complaint", complaintId));
        var existingCase = caseNumber is null ? null
            : await db.Cases.Where(c => c.CommunityId == communityId && c.CaseNumber == caseNumber).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (existingCase is not null
            && await db.AffectedGroups.Where(g => g.CaseId == existingCase.Id).OrderBy(g => g.CreatedAt).FirstOrDefaultAsync(ct) is { } defined)
            return Completed(existingCase.Id, defined.Id, defined.Mode, defined.HouseholdCount);

        var scopes = await db.ComplaintScopes.Where(s => s.ComplaintId == complaintId).ToListAsync(ct);
        var buildingIds = scopes.Select(s => s.BuildingGroupId).Distinct().ToList();
        var households = await db.Households.Where(h => buildingIds.Contains(h.BuildingGroupId)).Select(h => new { h.Id, h.BuildingGroupId }).ToListAsync(ct);
        var affected = AffectedHouseholds.Of(scopes, households.ToLookup(h => h.BuildingGroupId, h => h.Id));
        var names = await db.BuildingGroups.Where(b => buildingIds.Contains(b.Id)).Select(b => b.Name).ToListAsync(ct);
        // One whole building group is that building group; anything else is the listed households.
        var wholeBuilding = scopes.All(s => s.HouseholdId is null) && buildingIds.Count == 1 ? buildingIds[0] : (Guid?)null;
        var kind = wholeBuilding is null ? AffectedGroupKinds.AdHoc : AffectedGroupKinds.BuildingGroup;
        var householdIds = wholeBuilding is null ? affected.Order().ToList() : null;
        var name = string.Join("、", names.Order(StringComparer.Ordinal));
        if (name.Length > StakeholderStore.MaxNameLength) name = name[..StakeholderStore.MaxNameLength];

        var caseId = existingCase?.Id ?? Guid.CreateVersion7(context.Now);
        var groupId = Guid.CreateVersion7(context.Now);
        if (existingCase is null) await stakeholders.CreateCaseAsync(db, caseId, communityId, complaintId, caseNumber, complaint.Title, false, ct);
        var group = await stakeholders.DefineGroupAsync(db, groupId, communityId, caseId, name, kind, wholeBuilding, null, householdIds, ct);
        await db.SaveChangesAsync(ct);
        return Completed(caseId, groupId, group.Group.Mode, group.Group.HouseholdCount);
    }

    private static ActivityResult Completed(Guid caseId, Guid groupId, string mode, int householdCount) =>
        ActivityResult.Complete(ParticipationOutcomes.Of(mode), new JsonObject
        {
            ["caseId"] = caseId.ToString(), ["groupId"] = groupId.ToString(), ["mode"] = mode, ["householdCount"] = householdCount,
        });
}
