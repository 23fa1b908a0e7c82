namespace Deliberation.Host.Api;

/// <summary>Problem titles in Simplified Chinese (default) and English.</summary>
public static class ProblemTitles
{
    private static readonly Dictionary<string, (string Zh, string En)> Titles = new(StringComparer.Ordinal)
    {
        ["invalid-definition"] = ("流程定义有误,未保存", "The definition is invalid; nothing was saved"),
        ["invalid-input"] = ("流程输入缺失或有误", "Workflow inputs are missing or invalid"),
        ["definition-not-found"] = ("找不到该流程版本", "No such workflow version"),
        ["definition-not-published"] = ("该流程尚未发布", "The workflow is not published"),
        ["definition-changed"] = ("流程已被他人修改,请重新加载", "Someone else saved the workflow; reload it"),
        ["already-published"] = ("该版本已发布,不可修改", "This version is published and cannot change"),
        ["not-latest"] = ("只能发布最新版本", "Only the newest version can be published"),
        ["instance-not-found"] = ("找不到该流程实例", "No such instance"),
        ["instance-ended"] = ("流程实例已结束", "The instance has ended"),
        ["instance-busy"] = ("流程实例正忙,请重试", "The instance is busy; try again"),
        ["bookmark-consumed"] = ("该等待已被响应过,未做任何更改", "This wait was already answered; nothing changed"),
        ["bookmark-not-found"] = ("找不到该等待", "No such bookmark"),
        ["signal-not-awaited"] = ("当前没有步骤在等待该信号,未做任何更改", "Nothing waits for this signal; nothing changed"),
        ["incident-not-open"] = ("该故障不存在或已处理", "The incident is not open"),
        ["idempotency-key-reused"] = ("幂等键已用于其他请求", "The idempotency key was used for another request"),
        ["malformed-json"] = ("请求内容不是有效的 JSON", "The request body is not valid JSON"),
        ["bad-request"] = ("请求有误", "Bad request"),
        ["invalid-roster"] = ("名册有误,未导入任何内容", "The roster has problems; nothing was imported"),
        ["roster-changed"] = ("导入期间名册被修改,未导入任何内容,请重试", "The roster changed during the import; nothing was imported, try again"),
        ["community-not-found"] = ("找不到该社区", "No such community"),
        ["community-code-taken"] = ("社区代码已被使用", "The community code is taken"),
        ["person-not-found"] = ("找不到该人员", "No such person"),
        ["name-taken"] = ("该名称已存在", "The name is taken"),
        ["wrong-credentials"] = ("邮箱或密码不正确", "Wrong email or password"),
        ["locked-out"] = ("登录失败次数过多,请稍后再试", "Too many failed sign-ins; try again later"),
        ["unauthenticated"] = ("请先登录", "Please sign in"),
        ["forbidden"] = ("您的账号无权执行此操作", "Your account may not do this"),
        ["task-not-found"] = ("找不到该事项", "No such task"),
        ["task-closed"] = ("该事项已截止,答复不能再修改", "The task has closed; answers can no longer change"),
        ["link-reissued"] = ("链接已更换,请使用新链接", "The link was replaced by a newer one"),
        ["link-invalid"] = ("链接与该事项不符,未做任何记录", "The link does not belong to this task; nothing was recorded"),
        ["invalid-answer"] = ("答复不符合该事项的要求,未做任何记录", "The answer does not fit the task; nothing was recorded"),
    };

    /// <summary>Whether an Accept-Language header asks for English (it starts with <c>en</c>); Chinese otherwise.</summary>
    public static bool PrefersEnglish(string? acceptLanguage) =>
        acceptLanguage is { Length: > 0 } lang && lang.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The title for a problem code in the language of an Accept-Language header (Chinese by default).</summary>
    public static string For(string code, string? acceptLanguage)
    {
        var english = PrefersEnglish(acceptLanguage);
        return Titles.TryGetValue(code, out var t) ? (english ? t.En : t.Zh) : (english ? "Request refused" : "请求被拒绝");
    }
}
