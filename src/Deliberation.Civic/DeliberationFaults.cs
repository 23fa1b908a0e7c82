using Deliberation.Engine.Runtime;

namespace Deliberation.Civic;

/// <summary>
/// Why a 烦事有计倾 step could not run, in both languages: each becomes an incident of the activity (an
/// <see cref="ActivityFaultException"/>) that staff read in their own language and act on, then retry.
/// </summary>
public static class DeliberationFaults
{
#pragma warning disable CS1591 // each message says what it is about
    public static readonly FieldMessage QuietHours = new("step-quiet-hours",
        "Input 'quietHours' of activity '{activity}' is '{value}': expected HH:mm-HH:mm, e.g. 22:00-07:00.",
        "免打扰时段“{value}”格式不对（活动“{activity}”），应写成 HH:mm-HH:mm，如 22:00-07:00。");
    public static readonly FieldMessage NeedsCommunity = new("step-needs-community",
        "Activity '{activity}' needs an instance of a community: start it by anchoring a complaint, or give communityId.",
        "活动“{activity}”须在社区的议事中运行：请通过“发起议事”锚定问题来启动流程。");
    public static readonly FieldMessage Layer = new("step-layer",
        "Input 'layer' of activity '{activity}' is {value}: expected 1 or 2.", "活动“{activity}”的推选层级为 {value}，应为 1 或 2。");
    public static readonly FieldMessage StakeholderMode = new("step-stakeholder-mode",
        "Stakeholder mode '{value}' is unknown: expected one of {modes}.", "参与方式“{value}”无效，可选：{modes}。");
    public static readonly FieldMessage Grouping = new("step-grouping",
        "Grouping '{value}' is unknown: expected one of {groupings}.", "利益相关群体划分方式“{value}”无效，可选：{groupings}。");
    public static readonly FieldMessage MeetingReminders = new("step-meeting-reminders",
        "Input 'reminders' of activity '{activity}': '{value}' is not a positive duration such as 24h or 2h.",
        "会议提醒时间“{value}”不是有效的时长，如 24h 或 2h（活动“{activity}”）。");
    public static readonly FieldMessage MaxRounds = new("step-max-rounds",
        "Input 'maxRounds' of activity '{activity}' must be at least 1.", "最多议事轮次须至少为 1（活动“{activity}”）。");
    public static readonly FieldMessage PanelEmpty = new("step-panel-empty",
        "The case's panel is empty: add representatives, parties and advisors before polling a meeting time.",
        "议事小组还没有成员：请先添加利益代表、相关方和专业人士，再征询会议时间。");
    public static readonly FieldMessage VoteOpen = new("step-vote-open",
        "The vote is still open: close it and count it, then retry.", "表决尚未结束：请先结束表决并计票，再重试。");
    public static readonly FieldMessage VoteMissing = new("step-vote-missing",
        "The vote this step names is not in this community.", "找不到这次表决的记录。");
    public static readonly FieldMessage MeetingMissing = new("step-meeting-missing",
        "The meeting this step names is not in this community.", "找不到这次会议的记录。");
    public static readonly FieldMessage ComplaintMissing = new("step-complaint-missing",
        "The complaint this step names is not in this community.", "找不到这个问题的登记记录。");
    public static readonly FieldMessage MeetingNotClosed = new("step-meeting-not-closed",
        "The meeting is not closed yet; minutes are filed once it is.", "会议尚未结束：会议结束后才能归档会议纪要。");
    public static readonly FieldMessage MinutesNotFiled = new("step-minutes-not-filed",
        "The meeting's Chinese minutes are not filed: put the confirmation after the step that files them (FileMinutes).",
        "这次会议的中文纪要尚未归档：纪要确认应放在“归档会议纪要”之后。");
    public static readonly FieldMessage ConfirmationWindow = new("step-confirmation-window",
        "The confirmation window must be from 0 (no confirmation) to {max} days.", "纪要确认期须为 0（不征求确认）到 {max} 天。");
    public static readonly FieldMessage MeetingNotPolled = new("step-meeting-not-polled",
        "The meeting has not been polled; only a polled meeting can be scheduled.", "会议尚未完成时间征询，还不能确定会议时间。");
    public static readonly FieldMessage NominationsOpen = new("step-nominations-open",
        "An election is still taking nominations; close them first.", "推选仍在提名阶段：请先截止提名，再计票。");
    public static readonly FieldMessage BallotOpen = new("step-ballot-open",
        "A ballot is open until {until} (Beijing time); count after the deadline.", "投票到 {until}（北京时间）才截止，截止后再计票。");
    public static readonly FieldMessage NoElections = new("step-no-elections",
        "The group has no layer-{layer} elections to count.", "该群体没有第 {layer} 层的推选可以计票。");
    public static readonly FieldMessage ElectionWindows = new("step-election-windows",
        "The nomination and ballot windows must be longer than zero.", "提名期限和投票期限都须大于零。");
    public static readonly FieldMessage Seats = new("step-seats",
        "Seats must be {min}–{max}.", "推选名额须为 {min}–{max} 人。");
    public static readonly FieldMessage TieRule = new("step-tie-rule",
        "Tie rule must be one of: {rules}.", "平票处理规则无效，可选：{rules}。");
    public static readonly FieldMessage ElectionRemindBefore = new("step-election-remind-before",
        "Remind before must be between 0 and 30 days.", "投票截止前提醒的时间须在 0 到 30 天之间。");
    public static readonly FieldMessage ActionItemRemindBefore = new("step-action-remind-before",
        "Remind before must be longer than zero and at most a year.", "到期前提醒的时间须大于零且不超过一年。");
    public static readonly FieldMessage FollowUpWindow = new("step-follow-up-window",
        "The follow-up window must be longer than zero and at most a year.", "回访期限须大于零且不超过一年。");
    public static readonly FieldMessage HouseholdSample = new("step-household-sample",
        "The household sample must be a whole number from 0 to {max}.", "抽样回访住户数须为 0 到 {max} 之间的整数。");
    public static readonly FieldMessage EscalationInvalid = new("step-escalation-invalid",
        "The escalation is not valid: {detail}", "上报内容不完整，未能上报协调：{detail}");
#pragma warning restore CS1591
}
