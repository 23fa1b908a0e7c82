namespace Deliberation.Civic.ShortLinks;

/// <summary>A notice named in a chat message.</summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="Title">Its title.</param>
/// <param name="ShortUrl">Its public page's short link.</param>
public sealed record ChatNotice(Guid NoticeId, string Title, string ShortUrl);
