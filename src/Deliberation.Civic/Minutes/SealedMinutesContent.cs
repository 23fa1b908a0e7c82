namespace Deliberation.Civic.Minutes;

/// <summary>What the sealed minutes' PDF shows (<see cref="MinutesPdf"/>).</summary>
/// <param name="Markdown">The final minutes as the template wrote them and staff changed them.</param>
/// <param name="CaseNumber">The case number, in every page's footer.</param>
/// <param name="Confirmation">纪要确认情况: one line each (the window, each participant's answer, each objection and how it was dealt with).</param>
/// <param name="Chair">The chair, who signs.</param>
/// <param name="Recorder">The recorder, who signs.</param>
/// <param name="Participants">The participants who sign, as named in the minutes.</param>
/// <param name="SealedAt">When the minutes were sealed.</param>
/// <param name="VerificationUrl">The public page that checks a file against the record; the QR code on the first page opens it.</param>
public sealed record SealedMinutesContent(string Markdown, string CaseNumber, IReadOnlyList<string> Confirmation, string? Chair, string? Recorder,
    IReadOnlyList<string> Participants, DateTimeOffset SealedAt, string VerificationUrl);
