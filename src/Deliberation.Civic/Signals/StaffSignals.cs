using Deliberation.Civic.Asking;
using Deliberation.Civic.Elections;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Meetings;
using Deliberation.Civic.Minutes;
using Deliberation.Civic.Needs;
using Deliberation.Civic.Responses;
using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Signals;

/// <summary>
/// Every signal the domain sends to workflows, listed for the designer's help so that someone building a process knows
/// what to wait for and what arrives with it, without reading the code. A test checks that each signal constant of the
/// domain is listed here.
/// </summary>
public static class StaffSignals
{
    private static SignalPayloadField Field(string name, string zh, string en) => new(name, new LocalizedText(zh, en));

    private static readonly SignalPayloadField MeetingId = Field("meetingId", "会议编号", "The meeting's id");
    private static readonly SignalPayloadField ElectionId = Field("electionId", "推选编号", "The election's id");

    /// <summary>The signals, in the order of 烦事有计倾's steps, then those of the needs list (三单).</summary>
    public static IReadOnlyList<StaffSignal> All { get; } =
    [
        new(ElectionStore.NominationsClosedSignal, new("提名已截止", "Nominations closed"),
            new("工作人员在推选页面点击“截止提名”，或本层所有人都已答复时", "Staff press 截止提名 on the election's page, or everyone of the layer has answered"),
            [ElectionId]),
        new(ElectionStore.BallotsClosedSignal, new("投票已截止", "Ballots closed"),
            new("工作人员在推选页面点击“截止投票”，或本层所有人都已投票时", "Staff press 截止投票 on the election's page, or everyone of the layer has voted"),
            [ElectionId]),
        new(ElectionStore.TieDecidedSignal, new("平票已裁定", "Tie decided"),
            new("工作人员在推选页面裁定平票（抽签或指定）后", "Staff decide a tie on the election's page (by lot or by choice)"),
            [ElectionId]),
        new(MeetingPlanning.PollClosedSignal, new("时间征询已截止", "Time poll closed"),
            new("工作人员在会议页面点击“截止时间征询”时", "Staff press 截止时间征询 on the meeting's page"),
            [MeetingId]),
        new(MeetingPlanning.PlannedSignal, new("会议已安排", "Meeting planned"),
            new("工作人员在会议页面确定时间、地点和议程并发出邀请时（议程预填为流程变量 agenda 中的各项，如从需求清单查询的需求）",
                "Staff fix the meeting's time, place and agenda and send the invitations (the agenda starts from the texts of the workflow's variable agenda, e.g. needs listed from the needs list)"),
            [MeetingId]),
        new(MeetingVotes.VoteClosedSignal, new("表决已结束", "Vote closed"),
            new("工作人员在会议页面结束一项表决时", "Staff close a vote on the meeting's page"),
            [MeetingId, Field("voteId", "表决编号", "The vote's id")]),
        new(MeetingMode.ClosedSignal, new("会议已结束", "Meeting closed"),
            new("工作人员在会议页面点击“结束会议”时", "Staff press 结束会议 on the meeting's page"),
            [MeetingId]),
        new(ActionItemStore.DoneSignalPrefix, new("任务已完成（每项任务一个信号，名称后接任务编号）", "Action item done (one signal per item: the name ends with the item's id)"),
            new("负责人通过链接报告完成，或工作人员代为登记完成时", "The owner reports it done through the link, or staff record it done"),
            [Field("done", "是否完成（true）", "Done (true)"), Field("percent", "完成百分比", "Percent done"), Field("comment", "进展说明", "Progress note"),
             Field("photoId", "照片编号（如有）", "Photo id, if any"), Field("taskId", "任务链接编号", "The task's id"), Field("personId", "报告人", "Who reported"),
             Field("channel", "答复渠道（link、proxy 等）", "Channel (link, proxy…)")],
            IsPrefix: true),
        new(FollowUpStore.CompleteSignal, new("回访已完成", "Follow-up complete"),
            new("每位被回访的代表都已答复满意度时", "Every representative asked in the follow-up has answered"),
            [Field("choice", "最后一位答复者选择的满意度选项", "The satisfaction option the last to answer chose"), Field("comment", "意见", "Comment"),
             Field("taskId", "任务链接编号", "The task's id"), Field("personId", "答复人", "Who answered"), Field("channel", "答复渠道", "Channel")]),
        new(MinutesConfirmation.ConfirmedSignal, new("纪要已全部确认", "Minutes confirmed by all"),
            new("确认期内每位参会人员都已确认纪要草稿时；“纪要确认”活动自己等待它，随即定稿", "Every participant asked has confirmed the draft minutes within the window; the ConfirmMinutes activity waits for it itself and seals them"),
            [Field("choice", "最后一位确认者的选择（confirm）", "The last to confirm chose confirm"), Field("taskId", "任务链接编号", "The task's id"),
             Field("personId", "确认人", "Who confirmed"), Field("channel", "答复渠道", "Channel")]),
        new(AskParticipantsActivity.SignalPrefix, new("征询已答复（每个征询步骤一个信号，名称后接步骤编号）", "Ask answered (one signal per ask step: the name ends with the step's id)"),
            new("被征询的人通过链接答复，或楼长代为填写时；“征询参与者”活动自己等待它并统计", "Someone asked answers through their link, or a building head answers for them; the Ask participants activity waits for it itself and tallies"),
            [Field("choice", "所选选项（单选、是/否、回执、评分）", "The option chosen (single, yes/no, RSVP, rating)"), Field("choices", "所选选项（多选、时间征询）", "The options chosen (multiple, time poll)"),
             Field("comment", "说明或文字答复", "Comment or written answer"), Field("taskId", "任务链接编号", "The task's id"), Field("personId", "答复人", "Who answered"),
             Field("channel", "答复渠道（link、proxy 等）", "Channel (link, proxy…)")],
            IsPrefix: true),
        new(ResponseStore.AnsweredSignalPrefix, new("限时响应已处理（每个事项一个信号，名称后接事项编号）", "Matter handled (one signal per matter: the name ends with its id)"),
            new("限时响应的任一层级人员通过链接提交处理情况，或工作人员代为登记时；“限时响应”活动自己等待它", "Someone of a level reports the matter handled through their link, or staff record it; the RespondWithin activity waits for it itself"),
            [Field("comment", "处理情况", "What was done"), Field("taskId", "任务链接编号", "The task's id"), Field("personId", "处理人", "Who handled it"),
             Field("channel", "答复渠道", "Channel")],
            IsPrefix: true),
        new(NeedSignals.ClaimedSignalPrefix, new("需求已被认领（每项需求一个信号，名称后接需求编号）", "Need claimed (one signal per need: the name ends with the need's id)"),
            new("第一位认领者通过认领链接认领时（发布认领活动等待它）", "The first candidate claims through their claim link (Publish and claim waits for it)"),
            [Field("choice", "认领选项（claim）", "The claim option (claim)"), Field("taskId", "任务链接编号", "The task's id"), Field("personId", "认领人", "Who claimed"),
             Field("channel", "答复渠道", "Channel")],
            IsPrefix: true),
        new(NeedSignals.DoneSignalPrefix, new("需求已办完（每项需求一个信号，名称后接需求编号）", "Need done (one signal per need: the name ends with the need's id)"),
            new("认领方通过进展链接报告完成时", "The claimant reports it done through the progress link"),
            [Field("done", "是否完成（true）", "Done (true)"), Field("percent", "完成百分比", "Percent done"), Field("comment", "进展说明", "Progress note"),
             Field("photoId", "照片编号（如有）", "Photo id, if any"), Field("taskId", "任务链接编号", "The task's id"), Field("personId", "报告人", "Who reported")],
            IsPrefix: true),
        new(NeedSignals.ConfirmedSignalPrefix, new("需求已回访确认（每项需求一个信号，名称后接需求编号）", "Need confirmed (one signal per need: the name ends with the need's id)"),
            new("提出需求的居民通过链接确认，或工作人员在需求清单中记录回访结果时", "The requester answers through the link, or staff record the follow-up in the needs list"),
            [Field("choice", "satisfied（满意）或 not-satisfied（不满意），居民答复时", "satisfied or not-satisfied, when the requester answered"),
             Field("satisfied", "是否满意，工作人员记录时", "Satisfied, when staff recorded it"), Field("comment", "意见", "Comment"), Field("channel", "答复渠道（link、proxy、staff）", "Channel (link, proxy, staff)")],
            IsPrefix: true),
        new(NeedSignals.ClosedSignalPrefix, new("需求已关闭（每项需求一个信号，名称后接需求编号）", "Need closed (one signal per need: the name ends with the need's id)"),
            new("工作人员在需求清单中关闭该需求时", "Staff close the need in the needs list"),
            [Field("needId", "需求编号", "The need's id")],
            IsPrefix: true),
    ];
}
