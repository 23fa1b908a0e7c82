namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Waits for a duration (a durable timer).</summary>
public sealed class DelayActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "Delay", 1, new("等待一段时间", "Delay"), Categories.Time,
        [new("duration", InputType.Duration, new("时长", "Duration"), true, UiHint.Duration)
            { Description = new("例如 24h、30m、2d 或 PT24H", "e.g. 24h, 30m, 2d or PT24H") }],
        ["Done"])
    { Waits = true };

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var duration = context.GetDuration("duration") ?? TimeSpan.Zero;
        return new(duration <= TimeSpan.Zero
            ? ActivityResult.Complete()
            : ActivityResult.Suspend(BookmarkRequest.ForTimer(context.Now + duration)));
    }

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume) =>
        new(ActivityResult.Complete());
}
