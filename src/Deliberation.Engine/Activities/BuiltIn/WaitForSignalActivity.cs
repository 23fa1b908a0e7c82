using Deliberation.Engine.Definitions;

namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>
/// Waits for a named signal (an answer, a button press) and takes Received with its payload; with
/// a timeout, takes TimedOut if none comes in time — the "answer or remind" race.
/// </summary>
public sealed class WaitForSignalActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "WaitForSignal", 1, new("等待信号", "Wait for signal"), Categories.Time,
        [
            new("signal", InputType.Text, new("信号名称", "Signal name"), true, UiHint.SingleLine)
                { Description = new("例如 answer 或 answer-{{ item.id }}", "e.g. answer or answer-{{ item.id }}") },
            new("correlation", InputType.Text, new("关联值", "Correlation"), false, UiHint.SingleLine)
            {
                Description = new("可选。只接收带有该值的排队信号，例如 {{ output.schedule.meetingId }}：上一次会议的表决结果不会被这一次的等待误收。",
                    "Optional. Only a queued signal carrying this value resumes the wait, e.g. {{ output.schedule.meetingId }}: a vote of an earlier meeting is never taken for this one."),
            },
            new("timeout", InputType.Duration, new("超时", "Timeout"), false, UiHint.Duration)
                { Description = new("留空则一直等待；超时走“超时”端口。", "Empty waits forever; on timeout the TimedOut port is taken.") },
            new("resultVariable", InputType.Text, new("保存到变量", "Store payload in variable"), false, UiHint.VariablePicker)
                { Syntaxes = [Expression.Literal] },
        ],
        ["Received", "TimedOut"])
    { Waits = true };

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var signal = context.GetRequiredText("signal");
        var timeout = context.GetDuration("timeout");
        var wait = BookmarkRequest.ForSignal(signal, correlation: context.GetText("correlation"));
        return new(timeout is { } t && t > TimeSpan.Zero
            ? ActivityResult.Suspend(wait, BookmarkRequest.ForTimer(context.Now + t, "timeout"))
            : ActivityResult.Suspend(wait));
    }

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume)
    {
        if (resume.Tag == "timeout") return new(ActivityResult.Complete("TimedOut"));
        if (context.GetText("resultVariable") is { Length: > 0 } variable)
            context.SetVariable(variable, resume.Payload?.DeepClone());
        return new(ActivityResult.Complete("Received", resume.Payload?.DeepClone()));
    }
}
