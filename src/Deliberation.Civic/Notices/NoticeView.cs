namespace Deliberation.Civic.Notices;

/// <summary>A notice with its public page's address and its comments (for staff, all of them; for the public, the published ones).</summary>
/// <param name="Notice">The notice.</param>
/// <param name="PublicUrl">Its public page, the QR code printed on it.</param>
/// <param name="Comments">Its comments, oldest first.</param>
public sealed record NoticeView(PostedNotice Notice, string PublicUrl, IReadOnlyList<NoticeComment> Comments);
