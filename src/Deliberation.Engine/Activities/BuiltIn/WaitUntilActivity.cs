using System.Text.Json.Nodes;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>
/// Waits until a date and time (a durable timer); goes on at once if it has passed. With a signal, the wait also ends
/// early when that signal comes (staff closing nominations or a poll before its deadline): output <c>{ early }</c>.
/// </summary>
public sealed class WaitUntilActivity : Activity
{
    private const string EarlyTag = "early";

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "WaitUntil", 1, new("等待到指定时间", "Wait until"), Categories.Time,
        [
            new("until", InputType.DateTime, new("时间", "Until"), true, UiHint.DateTime)
                { Description = new("ISO 8601 时间，例如 2026-12-01T09:00:00+08:00", "ISO 8601, e.g. 2026-12-01T09:00:00+08:00") },
            new("endEarlySignal", InputType.Text, new("提前结束的信号", "Signal that ends it early"), false, UiHint.SingleLine)
            {
                Description = new("可选。收到该信号即不再等待，例如工作人员提前截止提名时发出的 nominations-closed。",
                    "Optional. The wait ends when this signal comes, e.g. nominations-closed when staff close nominations before the deadline."),
            },
            new("correlation", InputType.Text, new("关联值", "Correlation"), false, UiHint.SingleLine)
            {
                Description = new("可选。只接收带有该值的排队信号，例如 {{ output.open.groupId }}/{{ output.open.layer }}。",
                    "Optional. Only a queued signal carrying this value ends the wait, e.g. {{ output.open.groupId }}/{{ output.open.layer }}."),
            },
        ],
        ["Done"])
    { Waits = true };

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var until = context.GetDateTime("until");
        if (until is null || until <= context.Now) return new(ActivityResult.Complete(output: new JsonObject { ["early"] = false }));
        var timer = BookmarkRequest.ForTimer(until.Value);
        return new(context.GetText("endEarlySignal") is { Length: > 0 } signal
            ? ActivityResult.Suspend(timer, BookmarkRequest.ForSignal(signal, EarlyTag, context.GetText("correlation")))
            : ActivityResult.Suspend(timer));
    }

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume) =>
        new(ActivityResult.Complete(output: new JsonObject { ["early"] = resume.Tag == EarlyTag }));
}
