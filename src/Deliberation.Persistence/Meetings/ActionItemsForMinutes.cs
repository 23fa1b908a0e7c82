using Deliberation.Civic.Meetings;

namespace Deliberation.Persistence.Meetings;

/// <summary>One line of 责任分工 in the minutes.</summary>
internal sealed record MinutesAction(string Party, string Task, string? Due, string? Funding);

/// <summary>The action items the minutes list: each responsible party with its task, due date and funding.</summary>
internal static class ActionItemsForMinutes
{
    // MERGE: replaced by the query over action items when step 5 lands.
    public static Task<List<MinutesAction>> ReadAsync(DeliberationDbContext db, Meeting meeting, CancellationToken cancellationToken) =>
        Task.FromResult(new List<MinutesAction>());
}
