namespace Deliberation.Engine.Activities.BuiltIn;

/// <summary>Waits until a date and time (a durable timer); goes on at once if it has passed.</summary>
public sealed class WaitUntilActivity : Activity
{
    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "WaitUntil", 1, new("等待到指定时间", "Wait until"), Categories.Time,
        [new("until", InputType.DateTime, new("时间", "Until"), true, UiHint.DateTime)
            { Description = new("ISO 8601 时间，例如 2026-12-01T09:00:00+08:00", "ISO 8601, e.g. 2026-12-01T09:00:00+08:00") }],
        ["Done"])
    { Waits = true };

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var until = context.GetDateTime("until");
        return new(until is null || until <= context.Now
            ? ActivityResult.Complete()
            : ActivityResult.Suspend(BookmarkRequest.ForTimer(until.Value)));
    }

    /// <inheritdoc/>
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume) =>
        new(ActivityResult.Complete());
}
