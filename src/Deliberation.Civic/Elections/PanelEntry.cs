
namespace Deliberation.Civic.Elections;

/// <summary>A panel member with their name.</summary>
public sealed record PanelEntry(PanelMember Member, string Name);
