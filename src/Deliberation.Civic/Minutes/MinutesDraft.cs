namespace Deliberation.Civic.Minutes;

/// <summary>
/// A meeting's Chinese minutes while the participants confirm them (纪要确认), and the sealed record they become: the
/// draft text, which changes only through staff (<see cref="MinutesRevision"/>), the confirmation window, and once sealed
/// the filed PDF with its SHA-256 and the code of its public verification page.
/// </summary>
public sealed class MinutesDraft
{
    /// <summary>The longest draft text.</summary>
    public const int MaxMarkdownLength = 200_000;

    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The community.</summary>
    public Guid CommunityId { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The meeting; one draft per meeting.</summary>
    public Guid MeetingId { get; set; }

    /// <summary>The workflow instance waiting at the confirmation, if any.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>The current text (Markdown in the minutes subset: <c># </c> title, <c>## </c> sections, <c>- </c> bullets).</summary>
    public string Markdown { get; set; } = "";

    /// <summary><see cref="MinutesDraftStatuses.Confirming"/> or <see cref="MinutesDraftStatuses.Sealed"/>.</summary>
    public string Status { get; set; } = MinutesDraftStatuses.Confirming;

    /// <summary>When the draft went to the participants.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the confirmation window ends (equal to <see cref="OpenedAt"/> when there was none).</summary>
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>When the minutes were locked and filed as PDF.</summary>
    public DateTimeOffset? SealedAt { get; set; }

    /// <summary>Why they were sealed then: <c>window-ended</c>, <c>all-confirmed</c> or <c>no-window</c>.</summary>
    public string? SealedBecause { get; set; }

    /// <summary>The filed PDF, relative to the archive root.</summary>
    public string? PdfPath { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the filed PDF's bytes: what the verification page compares a file with.</summary>
    public string? PdfSha256 { get; set; }

    /// <summary>Size of the filed PDF in bytes.</summary>
    public long? PdfLength { get; set; }

    /// <summary>The random code of the public verification page (<c>/verify/{code}</c>), printed as a QR code on the PDF.</summary>
    public string VerificationCode { get; set; } = "";
}
