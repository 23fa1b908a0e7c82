
namespace Deliberation.Civic.Implementation;

/// <summary>An action item as <c>AssignActionItems</c> hands it out.</summary>
/// <param name="Item">The item.</param>
/// <param name="ReminderAt">When its reminder goes out (quiet hours respected); null for none.</param>
/// <param name="Emailed">Whether the assignment email was queued.</param>
public sealed record AssignedItem(ActionItem Item, DateTimeOffset? ReminderAt, bool Emailed);
