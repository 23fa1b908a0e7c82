namespace Deliberation.Civic.Issues;

/// <summary>A complaint as a building head enters it (on a phone, mostly); every field is checked by <see cref="ComplaintValidator"/>.</summary>
/// <param name="CategoryCode">A code of the deliberation matters catalogue.</param>
/// <param name="Title">A short title, e.g. 5栋电梯经常停运.</param>
/// <param name="Description">What residents report (optional).</param>
/// <param name="Severity">1 (minor) to 5 (serious).</param>
/// <param name="Urgency">1 (can wait) to 5 (at once).</param>
/// <param name="ReporterCount">How many residents reported it; at least 1; defaults to the named reporters (or 1).</param>
/// <param name="BuildingGroupIds">Building groups affected as a whole.</param>
/// <param name="HouseholdIds">Households affected (their building groups are implied).</param>
/// <param name="ReporterPersonIds">Residents who reported it by name (optional).</param>
/// <param name="ElderlyPercent">The share of elderly residents (60 and over) among those affected, in percent, e.g. 12.45 (optional; shown in the 公示).</param>
public sealed record ComplaintDraft(
    string? CategoryCode,
    string? Title,
    string? Description,
    int? Severity,
    int? Urgency,
    int? ReporterCount,
    IReadOnlyList<Guid>? BuildingGroupIds,
    IReadOnlyList<Guid>? HouseholdIds,
    IReadOnlyList<Guid>? ReporterPersonIds,
    decimal? ElderlyPercent = null);
