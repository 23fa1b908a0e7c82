using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Meetings;

/// <summary>What can be wrong with what staff enter for a meeting (its plan, attendance, proposals, ballots), in both languages.</summary>
public static class MeetingFields
{
#pragma warning disable CS1591 // each message says what it is
    public static readonly FieldMessage RulesMissing = new("rules-missing", "Give a template or a rule.", "请选择模板或表决规则。");
    public static readonly FieldMessage AgendaItems = new("agenda-items", "At most 20 items of 1–200 characters.", "最多 20 项，每项 1–200 个字符。");
    public static readonly FieldMessage SlotCount = new("slot-count", "Give 2 to 5 candidate times.", "请给出 2 到 5 个候选时间。");
    public static readonly FieldMessage SlotEndsBeforeStart = new("slot-ends-before-start", "Each slot must end after it starts.", "每个候选时间的结束时间须晚于开始时间。");
    public static readonly FieldMessage SlotInPast = new("slot-in-past", "Every slot must be in the future.", "候选时间都须在将来。");
    public static readonly FieldMessage SlotSameStart = new("slot-same-start", "Two slots start at the same time.", "有两个候选时间的开始时间相同。");
    public static readonly FieldMessage SlotTooLong = new("slot-too-long", "A meeting lasts at most 12 hours.", "一次会议最长 12 小时。");
    public static readonly FieldMessage PollClosesInPast = new("poll-closes-in-past", "The poll must close in the future.", "征询截止时间须在将来。");
    public static readonly FieldMessage PollClosesAfterSlot = new("poll-closes-after-slot", "The poll must close before the earliest slot.", "征询须在最早的候选时间之前截止。");
    public static readonly FieldMessage NobodyGiven = new("nobody-given", "Give at least one person.", "请至少选择一人。");
    public static readonly FieldMessage NotOnPanelNamed = new("not-on-panel-named", "Not on the panel: {people}.", "不在议事小组中：{people}。");
    public static readonly FieldMessage NotOnPanel = new("not-on-panel", "Not on this case's panel.", "不是本案议事小组的成员。");
    public static readonly FieldMessage ProposalUnknown = new("proposal-unknown",
        "No such proposal at this meeting (mark a proposal sent by link as discussed first).", "本次会议没有这项提案（通过链接提交的提案请先标记为已讨论）。");
    public static readonly FieldMessage BallotChoice = new("ballot-choice", "One of {choices}.", "应为以下之一：{choices}。");
    public static readonly FieldMessage ConsentChoicesOnly = new("consent-choices-only",
        "Block and stand-aside belong to consent; this vote takes yes, no or abstain.", "“阻止”和“保留意见”只用于无异议表决；本次表决请选赞成、反对或弃权。");
    public static readonly FieldMessage NotAVoter = new("not-a-voter",
        "Not a voter of this case under its rules (advisors attend without a vote).", "按本案议事规则不是表决人（专业人士列席，不参加表决）。");
#pragma warning restore CS1591
}
