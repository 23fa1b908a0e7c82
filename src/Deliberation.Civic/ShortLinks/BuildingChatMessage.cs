namespace Deliberation.Civic.ShortLinks;

/// <summary>A ready-to-paste message for one building's chat group about the community's current notices.</summary>
/// <param name="BuildingId">The building group.</param>
/// <param name="Building">Its name as residents know it, e.g. 金山小区1栋.</param>
/// <param name="Message">The message in Chinese, each notice with its public page's short link; null when no notice is current.</param>
/// <param name="Notices">The notices it names.</param>
public sealed record BuildingChatMessage(Guid BuildingId, string Building, string? Message, IReadOnlyList<ChatNotice> Notices);
