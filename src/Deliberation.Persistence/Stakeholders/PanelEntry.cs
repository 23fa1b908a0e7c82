using Deliberation.Civic.Elections;

namespace Deliberation.Persistence.Stakeholders;

/// <summary>A panel member with their name.</summary>
public sealed record PanelEntry(PanelMember Member, string Name);
