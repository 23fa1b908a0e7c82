namespace Deliberation.Host.Api;

/// <summary>Problem titles in Simplified Chinese (default) and English.</summary>
public static class ProblemTitles
{
    private static readonly Dictionary<string, (string Zh, string En)> Titles = new(StringComparer.Ordinal)
    {
        ["invalid-definition"] = ("流程定义有误，未保存", "The definition is invalid; nothing was saved"),
        ["invalid-input"] = ("流程输入缺失或有误", "Workflow inputs are missing or invalid"),
        ["definition-not-found"] = ("找不到该流程版本", "No such workflow version"),
        ["definition-not-published"] = ("该流程尚未发布", "The workflow is not published"),
        ["definition-changed"] = ("流程已被他人修改，请重新加载", "Someone else saved the workflow; reload it"),
        ["already-published"] = ("该版本已发布，不可修改", "This version is published and cannot change"),
        ["not-latest"] = ("只能发布最新版本", "Only the newest version can be published"),
        ["instance-not-found"] = ("找不到该流程实例", "No such instance"),
        ["instance-ended"] = ("流程实例已结束", "The instance has ended"),
        ["instance-busy"] = ("流程实例正忙，请重试", "The instance is busy; try again"),
        ["bookmark-consumed"] = ("该等待已被响应过，未做任何更改", "This wait was already answered; nothing changed"),
        ["bookmark-not-found"] = ("找不到该等待", "No such bookmark"),
        ["signal-not-awaited"] = ("当前没有步骤在等待该信号，未做任何更改", "Nothing waits for this signal; nothing changed"),
        ["incident-not-open"] = ("该故障不存在或已处理", "The incident is not open"),
        ["idempotency-key-reused"] = ("幂等键已用于其他请求", "The idempotency key was used for another request"),
        ["malformed-json"] = ("请求内容不是有效的 JSON", "The request body is not valid JSON"),
        ["bad-request"] = ("请求有误", "Bad request"),
        ["unsupported-media-type"] = ("请求内容的类型不受支持，请以 JSON 发送", "The request body's type is not supported; send JSON"),
        ["body-too-large"] = ("请求内容太大", "The request body is too large"),
        ["not-found"] = ("找不到该地址", "Nothing is at this address"),
        ["method-not-allowed"] = ("该地址不支持此操作", "This address does not accept this method"),
        ["invalid-roster"] = ("名册有误，未导入任何内容", "The roster has problems; nothing was imported"),
        ["roster-changed"] = ("导入期间名册被修改，未导入任何内容，请重试", "The roster changed during the import; nothing was imported, try again"),
        ["community-not-found"] = ("找不到该社区", "No such community"),
        ["community-code-taken"] = ("社区代码已被使用", "The community code is taken"),
        ["invalid-account"] = ("账号信息有误，未保存", "The account has problems; nothing was saved"),
        ["last-administrator"] = ("这是最后一位管理员，不能取消其管理员角色或停用", "This is the last administrator; it cannot lose the role or be disabled"),
        ["account-disabled"] = ("该账号已停用，请联系管理员", "This account is disabled; ask an administrator"),
        ["outbox-not-failed"] = ("该消息没有发送失败，无需重发", "The message has not failed; nothing to resend"),
        ["user-not-found"] = ("找不到该账号", "No such account"),
        ["person-not-found"] = ("找不到该人员", "No such person"),
        ["name-taken"] = ("该名称已存在", "The name is taken"),
        ["wrong-credentials"] = ("邮箱或密码不正确", "Wrong email or password"),
        ["locked-out"] = ("登录失败次数过多，请稍后再试", "Too many failed sign-ins; try again later"),
        ["too-many-sign-ins"] = ("登录尝试过于频繁，请一分钟后再试", "Too many sign-in attempts; try again in a minute"),
        ["unauthenticated"] = ("请先登录", "Please sign in"),
        ["antiforgery"] = ("页面已过期或请求来源无法验证，请刷新页面后重试", "The page has expired or the request could not be verified; reload the page and try again"),
        ["forbidden"] = ("您的账号无权执行此操作", "Your account may not do this"),
        ["task-not-found"] = ("找不到该事项", "No such task"),
        ["group-not-found"] = ("找不到该受影响群体", "No such affected group"),
        ["election-not-found"] = ("找不到该推选", "No such election"),
        ["panel-member-not-found"] = ("找不到该议事小组成员", "No such panel member"),
        ["group-takes-part-directly"] = ("该群体户数较少，由各户代表直接参加，无需推选", "The group is small enough to take part directly; no election"),
        ["elections-already-open"] = ("该层推选已开始，未做任何更改", "This layer's elections are open already; nothing changed"),
        ["no-second-layer"] = ("该群体无需第二层推选", "This group does not elect in two layers"),
        ["first-layer-not-counted"] = ("第一层推选尚未全部计票", "Not every layer-1 election is counted yet"),
        ["nominations-closed"] = ("提名已截止，未做任何记录", "Nominations have closed; nothing was recorded"),
        ["already-nominated"] = ("该人员已是候选人", "The person is a candidate already"),
        ["not-nominating"] = ("提名已结束，未做任何更改", "Nominations were closed already; nothing changed"),
        ["no-candidates"] = ("尚无候选人，不能发出选票", "Nobody was nominated; no ballots were sent"),
        ["no-voters"] = ("没有可投票的户代表，不能发出选票", "The electorate is empty; no ballots were sent"),
        ["ballot-deadline-passed"] = ("投票截止时间已过", "The ballot deadline has passed"),
        ["ballot-not-open"] = ("投票未在进行中", "The ballot is not open"),
        ["poll-not-open"] = ("会议时间征询已结束", "The time poll is not open"),
        ["ballot-open"] = ("投票尚未截止，且仍有人未投票，暂不能计票", "The ballot is open and some have not voted; it cannot be counted yet"),
        ["tie-awaits-decision"] = ("已计票，末位票数相同，等待工作人员决定", "Counted; a tie for the last seat waits for the staff decision"),
        ["no-tie"] = ("该推选没有待决定的平票", "No tie waits for a decision"),
        ["already-on-panel"] = ("该人员已是议事小组成员", "The person already sits on the panel"),
        ["already-left"] = ("该成员已退出议事小组", "The member already dropped out"),
        ["task-closed"] = ("该事项已截止，答复不能再修改", "The task has closed; answers can no longer change"),
        ["link-reissued"] = ("链接已更换，请使用新链接", "The link was replaced by a newer one"),
        ["link-invalid"] = ("链接与该事项不符，未做任何记录", "The link does not belong to this task; nothing was recorded"),
        ["invalid-answer"] = ("答复不符合该事项的要求，未做任何记录", "The answer does not fit the task; nothing was recorded"),
        ["invalid-complaint"] = ("问题登记有误，未保存", "The complaint has invalid fields; nothing was saved"),
        ["complaint-not-found"] = ("找不到该问题", "No such complaint"),
        ["case-not-found"] = ("找不到该议事案件", "No such deliberation case"),
        ["meeting-not-found"] = ("找不到该会议", "No such meeting"),
        ["vote-not-found"] = ("找不到该表决", "No such vote"),
        ["minutes-not-found"] = ("找不到该会议纪要", "No such minutes"),
        ["minutes-file-missing"] = ("会议纪要文件不在归档中", "The minutes file is not in the archive"),
        ["minutes-altered"] = ("会议纪要文件与归档记录的校验值不符，已拒绝提供", "The minutes file does not match its recorded SHA-256; not served"),
        ["proposal-not-found"] = ("找不到该提案", "No such proposal"),
        ["meeting-in-progress"] = ("该案件已有未结束的会议，未做任何更改", "A meeting of this case is still under way; nothing changed"),
        ["workflow-not-ready"] = ("议事流程当前不在等待安排会议，未做任何更改", "The deliberation's workflow is not waiting for a meeting; nothing changed"),
        ["meeting-not-under-way"] = ("会议不在进行中，未做任何更改", "The meeting is not under way; nothing changed"),
        ["meeting-not-started"] = ("会议尚未开始，未做任何更改", "The meeting has not started; nothing changed"),
        ["vote-open"] = ("还有表决未结束，未做任何更改", "A vote is still open; nothing changed"),
        ["vote-closed"] = ("表决已结束，未做任何更改", "The vote has closed; nothing changed"),
        ["no-area"] = ("有业主缺少专有面积，无法按第二百七十八条计票", "An owner has no floor area; Article 278 cannot be counted"),
        ["no-vote-held"] = ("会议尚未表决，不能结束", "The meeting has held no vote yet"),
        ["complaint-not-open"] = ("该问题已合并或已列为议题，未做任何更改", "The complaint is merged or anchored already; nothing changed"),
        ["complaint-not-merged"] = ("该问题未被合并，无需撤销", "The complaint is not merged; there is nothing to undo"),
        ["photo-not-found"] = ("找不到该照片", "No such photo"),
        ["case-number-taken"] = ("案件编号冲突，请重试", "The case number was taken meanwhile; try again"),
        ["action-item-not-found"] = ("找不到该落实任务", "No such action item"),
        ["action-item-done"] = ("该任务已完成，未做任何记录", "The action item is done already; nothing was recorded"),
        ["no-action-items"] = ("该案件还没有落实任务，请先添加", "The case has no action items; add them first"),
        ["case-closed"] = ("该议事案件已结案，未做任何更改", "The case is closed; nothing changed"),
        ["invalid-photo"] = ("照片不符合要求（JPEG、PNG 或 WebP，不超过 5 MB）", "The photo is not accepted (JPEG, PNG or WebP, at most 5 MB)"),
        ["escalation-not-found"] = ("找不到该上报事项", "No such escalation"),
        ["notice-not-found"] = ("找不到该通知", "No such notice"),
        ["answered-by-person"] = ("本人已经答复，代填不会覆盖本人的答复", "The person has answered themselves; a proxy answer does not replace theirs"),
        ["escalation-acknowledged"] = ("该上报事项已确认处理，未做任何更改", "The escalation was acknowledged already; nothing changed"),
    };

    /// <summary>Whether an Accept-Language header asks for English (it starts with <c>en</c>); Chinese otherwise.</summary>
    public static bool PrefersEnglish(string? acceptLanguage) =>
        acceptLanguage is { Length: > 0 } lang && lang.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The title for a known problem code in one language, or null.</summary>
    public static string? TryGet(string code, bool english) => Titles.TryGetValue(code, out var t) ? (english ? t.En : t.Zh) : null;

    /// <summary>The title for a problem code in the language of an Accept-Language header (Chinese by default).</summary>
    public static string For(string code, string? acceptLanguage)
    {
        var english = PrefersEnglish(acceptLanguage);
        return Titles.TryGetValue(code, out var t) ? (english ? t.En : t.Zh) : (english ? "Request refused" : "请求被拒绝");
    }
}
