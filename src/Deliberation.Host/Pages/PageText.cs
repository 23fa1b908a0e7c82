using System.Globalization;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;

namespace Deliberation.Host.Pages;

/// <summary>The answer pages' words in Simplified Chinese (default) and English.</summary>
internal sealed record PageText(
    string Lang,
    string SiteName,
    string SwitchLanguage,
    string SwitchLanguageCode,
    string DeadlineFormat,
    string ChangeUntilDeadline,
    string ChangeUntilClosed,
    string CurrentAnswer,
    string EnteredOnBehalf,
    string NoChoice,
    string ChooseOne,
    string ChooseSeveral,
    string ChooseAtMost,
    string CommentOptional,
    string CommentRequired,
    string Submit,
    string Change,
    string Recorded,
    string ChangeAgain,
    string Back,
    string Closed,
    string NothingRecorded,
    string RecordedAnswer,
    string Help,
    string Busy,
    string BusyDetail,
    string BadForm,
    string ListSeparator,
    string PercentLabel,
    string DoneLabel,
    string NoteLabel,
    string PhotoLabel,
    string PhotoHint,
    string ProgressFormat,
    string ProgressDone,
    string PhotoAttached,
    string PhotoRejected,
    string TooManyRequests,
    string TooManyRequestsDetail,
    string Unavailable,
    string UnavailableDetail)
{
    public static readonly PageText Zh = new(
        Lang: "zh-CN",
        SiteName: "社区议事",
        SwitchLanguage: "English",
        SwitchLanguageCode: "en",
        DeadlineFormat: "截止时间：{0}（北京时间）",
        ChangeUntilDeadline: "截止时间（{0}）前可以随时修改：再次打开邮件中的链接即可。",
        ChangeUntilClosed: "事项结束前可以随时修改：再次打开邮件中的链接即可。",
        CurrentAnswer: "您当前的答复",
        EnteredOnBehalf: "（由楼长或工作人员代为录入）",
        NoChoice: "（未选择选项）",
        ChooseOne: "请选择一项",
        ChooseSeveral: "可选择多项",
        ChooseAtMost: "最多可选 {0} 项",
        CommentOptional: "补充说明（可不填）",
        CommentRequired: "请填写您的答复",
        Submit: "提交答复",
        Change: "修改答复",
        Recorded: "已记录您的答复",
        ChangeAgain: "修改答复",
        Back: "返回答复页面",
        Closed: "该事项已截止，答复不能再修改。",
        NothingRecorded: "您没有提交答复。",
        RecordedAnswer: "记录的答复",
        Help: "如需帮助，请联系您的楼长或社区居委会。",
        Busy: "暂时无法记录",
        BusyDetail: "系统繁忙，您的答复没有被记录，请稍后再试。",
        BadForm: "提交的内容无法识别，请返回重新填写。",
        ListSeparator: "、",
        PercentLabel: "完成进度（0–100%）",
        DoneLabel: "已全部完成",
        NoteLabel: "进展说明（可不填）",
        PhotoLabel: "现场照片（可不传）",
        PhotoHint: "JPEG、PNG 或 WebP，不超过 5 MB。",
        ProgressFormat: "进度 {0}%",
        ProgressDone: "已完成",
        PhotoAttached: "（附照片）",
        PhotoRejected: "照片只能是 JPEG、PNG 或 WebP 格式，且不超过 5 MB，请重新选择。",
        TooManyRequests: "请求过于频繁",
        TooManyRequestsDetail: "短时间内从您的网络打开或提交答复页面的次数太多。如果您刚才提交了答复，它没有被记录；请等一分钟后再试。",
        Unavailable: "系统暂时无法使用",
        UnavailableDetail: "系统暂时连不上数据库，请稍等片刻后刷新页面。如果您刚才提交了答复，它可能没有被记录，请过几分钟再提交一次。");

    public static readonly PageText En = new(
        Lang: "en",
        SiteName: "Community deliberation",
        SwitchLanguage: "中文",
        SwitchLanguageCode: "zh-CN",
        DeadlineFormat: "Deadline: {0} (Beijing time)",
        ChangeUntilDeadline: "You can change it until the deadline ({0}): open the link in the email again.",
        ChangeUntilClosed: "You can change it until the task closes: open the link in the email again.",
        CurrentAnswer: "Your current answer",
        EnteredOnBehalf: "(entered on your behalf by your building head or staff)",
        NoChoice: "(no option chosen)",
        ChooseOne: "Choose one",
        ChooseSeveral: "Choose any that apply",
        ChooseAtMost: "Choose up to {0}",
        CommentOptional: "Comment (optional)",
        CommentRequired: "Your answer",
        Submit: "Send answer",
        Change: "Change answer",
        Recorded: "Your answer was recorded",
        ChangeAgain: "Change answer",
        Back: "Back to the form",
        Closed: "This task has closed; the answer can no longer change.",
        NothingRecorded: "You did not answer.",
        RecordedAnswer: "Recorded answer",
        Help: "If you need help, contact your building head (楼长) or the community committee.",
        Busy: "Not recorded yet",
        BusyDetail: "The system is busy and your answer was not recorded; please try again in a moment.",
        BadForm: "The form could not be read; go back and fill it in again.",
        ListSeparator: ", ",
        PercentLabel: "Progress (0–100%)",
        DoneLabel: "Completely done",
        NoteLabel: "What was done (optional)",
        PhotoLabel: "Photo (optional)",
        PhotoHint: "JPEG, PNG or WebP, at most 5 MB.",
        ProgressFormat: "{0}% done",
        ProgressDone: "Done",
        PhotoAttached: "(photo attached)",
        PhotoRejected: "The photo must be a JPEG, PNG or WebP image of at most 5 MB; choose another.",
        TooManyRequests: "Too many requests",
        TooManyRequestsDetail: "Answer pages were opened or sent from your network too often in a short time. If you just sent an answer, it was not recorded; wait a minute and try again.",
        Unavailable: "Temporarily unavailable",
        UnavailableDetail: "The service cannot reach its database at the moment; wait a little and reload the page. If you just sent an answer, it may not have been recorded; send it again in a few minutes.");

    public static PageText For(bool english) => english ? En : Zh;

    public bool IsEnglish => ReferenceEquals(this, En);

    /// <summary>A deadline in Beijing time, e.g. 2026年12月1日 18:00.</summary>
    public string Date(DateTimeOffset at)
    {
        var local = Deliberation.Civic.BeijingTime.ToBeijing(at);
        return local.ToString(IsEnglish ? "d MMMM yyyy, HH:mm" : "yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>What a closed task's page says: for nominations, that nominations have closed (提名已截止).</summary>
    public string ClosedFor(string purpose) => (purpose, IsEnglish) switch
    {
        (TaskPurposes.Nominate, false) => "提名已截止，提名不能再修改。",
        (TaskPurposes.Nominate, true) => "Nominations have closed; they can no longer change.",
        (TaskPurposes.Respond, false) => "此事项已处理完毕，不需要再提交。",
        (TaskPurposes.Respond, true) => "This matter has been handled; nothing more is needed.",
        (TaskPurposes.Claim, false) => "认领已截止，不能再认领。",
        (TaskPurposes.Claim, true) => "Claiming has closed; the need can no longer be claimed.",
        _ => Closed,
    };

    /// <summary>The heading of a claim link's page when someone else claimed the need first.</summary>
    public string ClaimTaken => IsEnglish ? "Claimed already" : "已被认领";

    /// <summary>What a claim link's page says when someone else claimed the need first; nothing was recorded.</summary>
    public string ClaimedBy(string claimant) => IsEnglish
        ? $"This need was already claimed by {claimant}. Your claim was not recorded and nothing changed. Thank you all the same."
        : $"该需求已由“{claimant}”认领，您的认领未被记录，也没有任何更改。感谢您的支持！";

    public string Purpose(string purpose) => (purpose, IsEnglish) switch
    {
        (TaskPurposes.Nominate, false) => "推选提名",
        (TaskPurposes.Nominate, true) => "Nomination",
        (TaskPurposes.Ballot, false) => "选举投票",
        (TaskPurposes.TimePoll, false) => "时间征询",
        (TaskPurposes.Rsvp, false) => "参会回执",
        (TaskPurposes.Vote, false) => "表决",
        (TaskPurposes.Progress, false) => "进展汇报",
        (TaskPurposes.FollowUp, false) => "满意度回访",
        (TaskPurposes.Claim, false) => "需求认领",
        (TaskPurposes.ClaimProgress, false) => "办理进展",
        (TaskPurposes.Confirm, false) => "回访确认",
        (TaskPurposes.Claim, true) => "Claim a need",
        (TaskPurposes.ClaimProgress, true) => "Progress on a need",
        (TaskPurposes.Confirm, true) => "Confirm it was done",
        (TaskPurposes.Minutes, false) => "纪要确认",
        (TaskPurposes.Ask, false) => "征询意见",
        (TaskPurposes.Ballot, true) => "Ballot",
        (TaskPurposes.TimePoll, true) => "Meeting times",
        (TaskPurposes.Rsvp, true) => "RSVP",
        (TaskPurposes.Vote, true) => "Vote",
        (TaskPurposes.Progress, true) => "Progress report",
        (TaskPurposes.FollowUp, true) => "Follow-up",
        (TaskPurposes.Respond, false) => "限时响应",
        (TaskPurposes.Respond, true) => "Respond in time",
        (TaskPurposes.Minutes, true) => "Confirm minutes",
        (TaskPurposes.Ask, true) => "Question",
        _ => purpose,
    };

    public string Problem(AnswerProblem problem, bool multiple, int? maxChoices = null) => (problem, IsEnglish) switch
    {
        (AnswerProblem.TooManyChoices, false) => $"最多只能选择 {maxChoices} 项。",
        (AnswerProblem.TooManyChoices, true) => $"Choose at most {maxChoices}.",
        (AnswerProblem.ChoiceRequired, false) => multiple ? "请至少选择一项，或在说明中写明原因。" : "请选择一项。",
        (AnswerProblem.UnknownChoice, false) => "所选的选项不存在，请重新选择。",
        (AnswerProblem.SingleChoiceOnly, false) => "只能选择一项。",
        (AnswerProblem.CommentRequired, false) => "请填写答复内容。",
        (AnswerProblem.ReasonRequired, false) => "请在下方写明理由。",
        (AnswerProblem.CommentTooLong, false) => $"说明不能超过 {TaskForm.MaxCommentLength} 字。",
        (AnswerProblem.CommentCharacters, false) => "说明中有控制字符或文字方向控制符，请删除后再提交。",
        (AnswerProblem.CommentNotAllowed, false) => "该事项不接受文字说明。",
        (AnswerProblem.PercentRequired, false) => "请填写完成进度（0–100），或勾选“已全部完成”。",
        (AnswerProblem.PercentOutOfRange, false) => "完成进度须为 0 到 100 之间的整数。",
        (_, false) => "提交的内容无法识别，请重新填写。",
        (AnswerProblem.ChoiceRequired, true) => multiple ? "Choose at least one option, or say why in the comment." : "Choose one option.",
        (AnswerProblem.UnknownChoice, true) => "That option does not exist; choose again.",
        (AnswerProblem.SingleChoiceOnly, true) => "Choose only one option.",
        (AnswerProblem.CommentRequired, true) => "Write your answer.",
        (AnswerProblem.ReasonRequired, true) => "Give your reason below.",
        (AnswerProblem.CommentTooLong, true) => $"The comment may have at most {TaskForm.MaxCommentLength} characters.",
        (AnswerProblem.CommentCharacters, true) => "The comment holds control characters or text-direction overrides; remove them and send it again.",
        (AnswerProblem.CommentNotAllowed, true) => "This task takes no comment.",
        (AnswerProblem.PercentRequired, true) => "Give the progress (0–100), or tick \"Completely done\".",
        (AnswerProblem.PercentOutOfRange, true) => "The progress must be a whole number from 0 to 100.",
        _ => "The form could not be read; fill it in again.",
    };

    /// <summary>The heading and explanation for a refused link, in this language and (shorter) in the other.</summary>
    public static (string Heading, string Detail, string Other) Refusal(LinkStatus status, bool english)
    {
        var (zhHeading, zhDetail, en) = status switch
        {
            LinkStatus.Expired => ("链接已过期", "这个链接已超过有效期，未做任何记录。", "This link has expired; nothing was recorded."),
            LinkStatus.Reissued => ("链接已更换", "工作人员已为您发送了新链接，这个旧链接不再有效，未做任何记录。请使用最新邮件中的链接。",
                "This link was replaced by a newer one; nothing was recorded. Use the link in the latest email."),
            LinkStatus.WrongPerson => ("链接与事项不符", "这个链接不属于该事项的答复人，未做任何记录。", "This link does not belong to this task's person; nothing was recorded."),
            LinkStatus.WrongPurpose => ("链接用途不符", "这个链接不能用于该事项，未做任何记录。", "This link is not meant for this task; nothing was recorded."),
            LinkStatus.TaskNotFound => ("事项不存在", "这个链接对应的事项已不存在，未做任何记录。", "The task of this link no longer exists; nothing was recorded."),
            _ => ("链接无效", "这个链接无法识别，可能不完整或被改动过，未做任何记录。请确认复制了完整的链接。",
                "This link is not valid (incomplete or altered); nothing was recorded."),
        };
        return english
            ? (en.Split(';')[0], en, zhHeading + ":" + zhDetail + Zh.Help)
            : (zhHeading, zhDetail, en + " " + En.Help);
    }
}
