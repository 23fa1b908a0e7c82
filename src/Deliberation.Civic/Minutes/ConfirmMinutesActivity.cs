using System.Text.Json.Nodes;
using Deliberation.Civic.Data;
using Deliberation.Civic.Meetings;
using Deliberation.Engine.Activities;

namespace Deliberation.Civic.Minutes;

/// <summary>
/// 纪要确认: the wait between filing a meeting's draft minutes (<see cref="FileMinutesActivity"/>) and the sealed record.
/// The participants get the Chinese draft by link for <c>window</c> (3 days by default) and confirm it or object to a
/// section with a reason, while staff accept or answer each objection; when the window ends, or once all have confirmed,
/// the minutes are locked and filed as PDF with the signatures block, their SHA-256 recorded and a QR code to the public
/// verification page (<see cref="MinutesConfirmation"/>). A window of 0 asks no one and seals at once.
/// Output: <c>{ meetingId, draftId, asked, sealedAt, sealedBecause, pdfPath, pdfSha256, verificationUrl }</c>.
/// </summary>
public sealed class ConfirmMinutesActivity(ICivicDatabase database, MinutesConfirmation confirmation) : Activity
{
    /// <summary>The default window: three days.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(3);

    private const string WindowTag = "window";
    private const string ConfirmedTag = "confirmed";

    /// <inheritdoc/>
    public override ActivityDescriptor Descriptor { get; } = new(
        "ConfirmMinutes", 1, new("纪要确认", "Confirm minutes"), DeliberationSteps.Category,
        [
            MeetingSteps.MeetingInput,
            new("window", InputType.Duration, new("确认期", "Confirmation window"), false, UiHint.Duration)
            {
                Description = new("参会人员确认纪要草稿的期限，例如 3d；填 0 则不征求确认，归档后立即定稿",
                    "How long participants have to confirm the draft, e.g. 3d; 0 seals the minutes at once without asking"),
                Default = "3d",
            },
        ],
        ["Done"])
    {
        Waits = true,
        Description = new("把纪要草稿发给参会人员确认或对某一节提出异议；期满或全体确认后锁定，生成带签字栏和核验二维码的 PDF 定稿并记录其 SHA-256。",
            "Sends the draft minutes to the participants to confirm or object to a section; when the window ends or all confirmed, locks them and files the PDF with signatures and a verification QR code, recording its SHA-256."),
    };

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var window = context.GetDuration("window") ?? DefaultWindow;
        if (window < TimeSpan.Zero || window > MinutesConfirmation.MaxWindow)
            throw DeliberationFaults.ConfirmationWindow.Fault(("max", MinutesConfirmation.MaxWindow.TotalDays));
        await using var db = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var meeting = await MeetingSteps.LoadAsync(db, context);
        if (meeting.Status != MeetingStatuses.Closed) throw DeliberationFaults.MeetingNotClosed.Fault(("meeting", meeting.Id), ("status", meeting.Status));
        var draft = await db.MinutesDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.MeetingId == meeting.Id, context.CancellationToken);
        if (draft is null)
        {
            draft = await confirmation.OpenAsync(db, meeting, context.InstanceId, window, context.CancellationToken);
            if (window == TimeSpan.Zero) return Sealed(await confirmation.SealAsync(db, draft.Id, MinutesConfirmation.Because.NoWindow, context.CancellationToken), 0);
        }
        else if (draft.Status == MinutesDraftStatuses.Sealed)
        {
            return Sealed(draft, await AskedAsync(db, meeting.Id, context.CancellationToken));
        }
        context.State["draftId"] = draft.Id.ToString();
        return ActivityResult.Suspend(BookmarkRequest.ForTimer(draft.ClosesAt, WindowTag),
            BookmarkRequest.ForSignal(MinutesConfirmation.ConfirmedSignal, ConfirmedTag, meeting.Id.ToString()));
    }

    /// <inheritdoc/>
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeContext resume)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resume);
        var draftId = Guid.Parse((string)context.State["draftId"]!);
        await using var db = await database.OpenInStepAsync(context.Step, context.CancellationToken);
        var because = resume.Tag == ConfirmedTag ? MinutesConfirmation.Because.AllConfirmed : MinutesConfirmation.Because.WindowEnded;
        var draft = await confirmation.SealAsync(db, draftId, because, context.CancellationToken);
        return Sealed(draft, await AskedAsync(db, draft.MeetingId, context.CancellationToken));
    }

    private static Task<int> AskedAsync(ICivicSession db, Guid meetingId, CancellationToken cancellationToken) =>
        db.Tasks.CountAsync(t => t.MeetingId == meetingId && t.Purpose == Participation.TaskPurposes.Minutes, cancellationToken);

    private ActivityResult Sealed(MinutesDraft draft, int asked) => ActivityResult.Complete(output: new JsonObject
    {
        ["meetingId"] = draft.MeetingId.ToString(),
        ["draftId"] = draft.Id.ToString(),
        ["asked"] = asked,
        ["sealedAt"] = draft.SealedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["sealedBecause"] = draft.SealedBecause,
        ["pdfPath"] = draft.PdfPath,
        ["pdfSha256"] = draft.PdfSha256,
        ["verificationUrl"] = confirmation.VerificationUrl(draft),
    });
}
