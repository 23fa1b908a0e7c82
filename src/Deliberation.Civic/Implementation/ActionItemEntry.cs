
namespace Deliberation.Civic.Implementation;

/// <summary>An action item with who reports on it, its reports (oldest first) and its assignment.</summary>
/// <param name="Item">The item.</param>
/// <param name="PersonName">The reporting person's name, if one is named.</param>
/// <param name="Reports">Every progress report, oldest first.</param>
/// <param name="Assignment">Its assignment by the workflow, once assigned.</param>
/// <param name="Overdue">Open past its due date.</param>
/// <param name="Funding">Its budget by source, in order.</param>
public sealed record ActionItemEntry(ActionItem Item, string? PersonName, IReadOnlyList<ActionItemProgress> Reports, ActionItemAssignment? Assignment, bool Overdue,
    IReadOnlyList<FundingShare> Funding);
