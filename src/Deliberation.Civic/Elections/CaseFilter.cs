namespace Deliberation.Civic.Elections;

/// <summary>
/// Which cases the case list and the ledger show: open or closed, a part of the title or case number, a building the
/// case affects, the kind of matter (the anchored complaint's category), whether an action item is overdue, and the step.
/// </summary>
/// <param name="Status"><c>open</c>, <c>closed</c>, or null for all.</param>
/// <param name="Search">A part of the title or the case number.</param>
/// <param name="BuildingGroupId">A building the case's complaint or affected households are in.</param>
/// <param name="Matter">A category code, e.g. <c>lift</c>.</param>
/// <param name="Overdue">Only cases with an action item past its due date and not done.</param>
/// <param name="Step">Only open cases at this step (1–5, see <see cref="CaseSteps"/>).</param>
public sealed record CaseFilter(string? Status = null, string? Search = null, Guid? BuildingGroupId = null, string? Matter = null, bool Overdue = false,
    int? Step = null);
