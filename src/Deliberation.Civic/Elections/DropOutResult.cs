namespace Deliberation.Civic.Elections;

/// <summary>A member who left the panel and who took the seat.</summary>
/// <param name="Left">The member who dropped out.</param>
/// <param name="Replacement">The next in the election's count who took the seat; null when nobody was left or the member was not elected.</param>
public sealed record DropOutResult(PanelEntry Left, PanelEntry? Replacement);
