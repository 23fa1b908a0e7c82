using System.Text.RegularExpressions;
using Deliberation.Engine.Runtime;

namespace Deliberation.Host.Api;

/// <summary>
/// The field messages of a refused request (ProblemDetails <c>errors</c>) in the caller's language. Messages that
/// carry a code (<see cref="FieldError"/>) are rendered from their own English and Chinese templates. Older sites
/// still write English sentences; until each carries a code, a caller who does not prefer English (the staff UI's
/// default, zh-CN) reads each sentence this table knows in Chinese. Every entry here is one such site left to convert.
/// </summary>
public static partial class FieldMessages
{
    // English as the stores write it (a whole message) → Chinese, $1… standing for the parts the English names.
    private static readonly (Regex English, string Chinese)[] Known =
    [
        (Exact("Required."), "必填。"),
        (Whole(@"Required, at most (\d+) characters\."), "必填，最多 $1 个字符。"),
        (Whole(@"At most (\d+) characters\."), "最多 $1 个字符。"),
        // Workflow inputs, as the engine checks them when an instance starts (the launch form).
        (Whole(@"'(.+)' is required\."), "必填。"),
        (Whole(@"Expected one of: (.+)\."), "应为以下之一：$1。"),
        (Whole(@"Not valid email addresses: (.+)\."), "邮箱地址无效：$1。"),
        (Whole(@"Unknown roles: (.+)\."), "未知的角色：$1。"),
        // Rules of procedure (议事规则).
        (Whole(@"Unknown template '(.+)'; one of (.+)\."), "未知的规则模板“$1”，应为以下之一：$2。"),
        (Whole(@"Give a template or a rule: one of (.+)\."), "请选择规则模板或表决规则：$1。"),
        (Whole(@"'(.*)' is not a fraction such as 1/2 or 2/3\."), "“$1”不是分数，请写成 1/2 或 2/3 这样的形式。"),
        (Whole(@"Unknown decision rule '(.+)'; one of (.+)\."), "未知的表决规则“$1”，应为以下之一：$2。"),
        (Exact("The quorum is missing."), "缺少法定人数比例。"),
        (Whole(@"The quorum must be above 0 and at most 1, not (\S+)\."), "法定人数比例须大于 0 且不超过 1，不能是 $1。"),
        (Whole(@"A co-owners' decision needs the Article 278 matter: (.+)\."), "业主共同决定须注明民法典第二百七十八条的事项类别：$1。"),
        (Whole(@"Article 278 requires owners holding 2/3 of the area and 2/3 of the owners to take part; a quorum of (\S+) is too low\."),
            "民法典第二百七十八条要求专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决；法定人数比例 $1 过低。"),
        (Exact("Only owners vote on a co-owners' decision; advisors cannot."), "业主共同决定只由业主表决，专业人士不能表决。"),
        (Exact("No such person in this community."), "本社区没有这个人。"),
        (Exact("No such workflow instance."), "没有这个流程实例。"),
        (Exact("At most 1000 characters."), "最多 1000 个字符。"),
        (Exact("The deadline must be in the future."), "截止时间须在将来。"),
        (Exact("Required: 1–40 lower-case letters, digits or hyphens, starting with a letter or digit."), "必填：1–40 个小写字母、数字或连字符，以字母或数字开头。"),
        (Exact("Some communities do not exist."), "有些社区不存在。"),
        (Exact("Give precinctId or precinctName."), "请指定网格（precinctId 或 precinctName）。"),
        (Exact("Give percent (a whole number 0–100) or done: true, and optionally comment."), "请填写完成百分比（0–100 的整数）或勾选已完成，可附说明。"),
        (Exact("Choose one of your communities."), "请选择您负责的社区之一。"),
        (Exact("Longer than zero, e.g. 7d."), "须大于零，例如 7d。"),
        (Exact("A duration such as 24h, 2d or PT12H."), "请输入时长，如 24h、2d 或 PT12H。"),
        (Exact("At least one role is required."), "至少需要一个角色。"),
        (Exact("Expected pending, sent or failed."), "应为 pending、sent 或 failed。"),
        (Exact("instanceId and signalName go together: give both or neither."), "instanceId 和 signalName 须同时给出或同时不给。"),
        (Exact("Send the photo with the answer page's form."), "请通过答复页面的表单上传照片。"),
        (Exact("Leave out photoId."), "请不要填写 photoId。"),
    ];

    /// <summary>Coded errors in the caller's language (Chinese unless English is preferred).</summary>
    public static IReadOnlyDictionary<string, string[]> Render(IReadOnlyDictionary<string, FieldError[]> errors, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var english = ProblemTitles.PrefersEnglish(acceptLanguage);
        return errors.ToDictionary(e => e.Key, e => e.Value.Select(f => f.Format(english)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The errors in the caller's language: as they are for English, else each known message in Chinese.</summary>
    public static IReadOnlyDictionary<string, string[]> Localize(IReadOnlyDictionary<string, string[]> errors, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (ProblemTitles.PrefersEnglish(acceptLanguage)) return errors;
        return errors.ToDictionary(e => e.Key, e => e.Value.Select(Chinese).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>One message in Chinese when this table knows it; otherwise as it is.</summary>
    public static string Chinese(string message)
    {
        foreach (var (english, chinese) in Known)
            if (english.IsMatch(message)) return english.Replace(message, chinese);
        return message;
    }

    private static Regex Exact(string text) => new($"^{Regex.Escape(text)}$", RegexOptions.CultureInvariant);

    private static Regex Whole(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant);
}
