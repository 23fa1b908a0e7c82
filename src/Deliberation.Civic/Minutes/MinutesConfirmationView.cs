namespace Deliberation.Civic.Minutes;

/// <summary>A meeting's minutes confirmation as staff see it: the draft and its sections, who answered how, the objections, the changes, and the sealed record.</summary>
/// <param name="DraftId">The draft.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Status"><c>confirming</c> or <c>sealed</c>.</param>
/// <param name="OpenedAt">When the draft went out.</param>
/// <param name="ClosesAt">When the window ends.</param>
/// <param name="Markdown">The current text.</param>
/// <param name="Sections">Its sections.</param>
/// <param name="Participants">Everyone asked, with their answer.</param>
/// <param name="Objections">Every objection, oldest first.</param>
/// <param name="Revisions">Every change staff made, oldest first.</param>
/// <param name="Sealed">The sealed record, once sealed.</param>
public sealed record MinutesConfirmationView(Guid DraftId, Guid MeetingId, string Status, DateTimeOffset OpenedAt, DateTimeOffset ClosesAt, string Markdown,
    IReadOnlyList<MinutesSection> Sections, IReadOnlyList<MinutesParticipantView> Participants, IReadOnlyList<MinutesObjectionView> Objections,
    IReadOnlyList<MinutesRevisionView> Revisions, SealedMinutesView? Sealed);

/// <summary>A participant asked to confirm.</summary>
/// <param name="PersonId">Who.</param>
/// <param name="Name">Their name.</param>
/// <param name="Answer"><c>confirmed</c>, <c>objected</c>, or null before they answer.</param>
/// <param name="AnsweredAt">When.</param>
/// <param name="Channel"><c>link</c>, or <c>proxy</c> when entered on their behalf.</param>
public sealed record MinutesParticipantView(Guid PersonId, string Name, string? Answer, DateTimeOffset? AnsweredAt, string? Channel);

/// <summary>An objection and how it was dealt with.</summary>
public sealed record MinutesObjectionView(Guid Id, Guid PersonId, string Name, int SectionNumber, string Section, string Reason, DateTimeOffset RaisedAt,
    string Status, string? Response, string? ResolvedBy, DateTimeOffset? ResolvedAt);

/// <summary>A change to a section: before, after, who and when.</summary>
public sealed record MinutesRevisionView(Guid Id, int SectionNumber, string Section, string Before, string After, Guid? ObjectionId, string By, DateTimeOffset At);

/// <summary>The sealed record.</summary>
/// <param name="SealedAt">When.</param>
/// <param name="SealedBecause"><c>window-ended</c>, <c>all-confirmed</c> or <c>no-window</c>.</param>
/// <param name="PdfSha256">The filed PDF's SHA-256, lower-case hex.</param>
/// <param name="PdfLength">Its size in bytes.</param>
/// <param name="VerificationUrl">The public page that checks a file against it.</param>
public sealed record SealedMinutesView(DateTimeOffset SealedAt, string SealedBecause, string PdfSha256, long PdfLength, string VerificationUrl);

/// <summary>What anyone may see of sealed minutes on the verification page.</summary>
public sealed record PublicMinutesRecord(string Community, string CaseNumber, string Meeting, DateTimeOffset? HeldAt, DateTimeOffset SealedAt, string Sha256, long Length);
