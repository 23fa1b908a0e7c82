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
    };

    /// <summary>The title for a problem code in the language of an Accept-Language header (Chinese by default).</summary>
    public static string For(string code, string? acceptLanguage)
    {
        var english = acceptLanguage is { Length: > 0 } lang && lang.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return Titles.TryGetValue(code, out var t) ? (english ? t.En : t.Zh) : (english ? "Request refused" : "请求被拒绝");
    }
}
