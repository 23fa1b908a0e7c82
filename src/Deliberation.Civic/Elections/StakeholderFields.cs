using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Elections;

/// <summary>What can be wrong with what staff enter in step 2 (cases, affected groups, the panel, elections), in both languages.</summary>
public static class StakeholderFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage ComplaintUnknown = new("complaint-unknown", "No such complaint in this community.", "本社区没有这个问题。");
    public static readonly FieldMessage BuildingGroupRequired = new("building-group-required", "Required: a building group of this community.", "必填：本社区的楼栋。");
    public static readonly FieldMessage PrecinctRequired = new("precinct-required", "Required: a precinct of this community.", "必填：本社区的网格。");
    public static readonly FieldMessage HouseholdCount = new("household-count", "Required: 1–{max} households of this community.", "必填：本社区的 1–{max} 户。");
    public static readonly FieldMessage HouseholdsElsewhere = new("households-elsewhere", "Some households are not in this community.", "有些住户不属于本社区。");
    public static readonly FieldMessage GroupKind = new("group-kind", "Expected one of: {kinds}.", "应为以下之一：{kinds}。");
    public static readonly FieldMessage GroupEmpty = new("group-empty", "The group has no households: import the roster first.", "该群体没有住户：请先导入名册。");
    public static readonly FieldMessage PanelRole = new("panel-role",
        "Expected {party} or {advisor}; representatives come from elections or direct participation.",
        "应为 {party}（参与方）或 {advisor}（专业人士）；居民代表由推选或直接参与产生。");
    public static readonly FieldMessage PartyKind = new("party-kind", "For a {role}, expected one of: {kinds}.", "{role} 应为以下之一：{kinds}。");
    public static readonly FieldMessage AdvisorsMayNotVote = new("advisors-may-not-vote",
        "The case's rules do not let advisors vote (advisorsMayVote is false).", "本案议事规则不允许专业人士表决。");
    public static readonly FieldMessage SeatsByBuilding = new("seats-by-building",
        "Building groups of this group, each with {min}–{max} seats.", "本群体的楼栋，每个楼栋 {min}–{max} 个名额。");
    public static readonly FieldMessage LayerTwoSeats = new("layer-two-seats", "Layer 2 has one election for the group: give seats.", "第二层只有一场推选：请填写名额。");
    public static readonly FieldMessage CandidateOutsideHouseholds = new("candidate-outside-households",
        "The candidate must belong to the electorate: a household representative of the building group.", "候选人须属于本次推选的投票人：本楼栋的户代表。");
    public static readonly FieldMessage CandidateOutsideDelegates = new("candidate-outside-delegates",
        "The candidate must belong to the electorate: a delegate elected in layer 1.", "候选人须属于本次推选的投票人：第一层选出的代表。");
    public static readonly FieldMessage NominatorOutsideHouseholds = new("nominator-outside-households",
        "The nominator must belong to the electorate: a household representative of the building group.", "提名人须属于本次推选的投票人：本楼栋的户代表。");
    public static readonly FieldMessage NominatorOutsideDelegates = new("nominator-outside-delegates",
        "The nominator must belong to the electorate: a delegate elected in layer 1.", "提名人须属于本次推选的投票人：第一层选出的代表。");
    public static readonly FieldMessage TieOrder = new("tie-order", "List exactly the tied candidates, best first: {candidates}.", "请按名次先后列出全部平票候选人：{candidates}。");
    public static readonly FieldMessage Seats = new("seats", "{min}–{max} seats.", "名额为 {min}–{max} 个。");
    public static readonly FieldMessage NominationsCloseAt = new("nominations-close-at", "Required, in the future.", "必填，须在将来。");
    public static readonly FieldMessage BallotClosesAt = new("ballot-closes-at", "Required, after nominations close.", "必填，须在提名截止之后。");
    public static readonly FieldMessage ReminderBefore = new("reminder-before", "Between 0 and 30 days.", "须在 0 到 30 天之间。");
#pragma warning restore CS1591
}
