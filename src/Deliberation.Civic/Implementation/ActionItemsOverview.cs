
namespace Deliberation.Civic.Implementation;

/// <summary>A case's action items and the overall progress.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ClosedAt">When the case closed, if it has.</param>
/// <param name="Items">The items, by due date.</param>
/// <param name="Overall">Items done, overdue, and the overall percentage.</param>
public sealed record ActionItemsOverview(Guid CaseId, DateTimeOffset? ClosedAt, IReadOnlyList<ActionItemEntry> Items, ImplementationProgress Overall);
