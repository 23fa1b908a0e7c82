namespace Deliberation.Civic.Implementation;

/// <summary>How far a case's implementation is: items done, and the overall percentage.</summary>
/// <param name="Items">How many action items.</param>
/// <param name="Done">How many are done.</param>
/// <param name="Overdue">How many are open past their due date.</param>
/// <param name="Percent">The mean of the items' percentages (a done item counts 100), rounded down; 0 without items.</param>
public sealed record ImplementationProgress(int Items, int Done, int Overdue, int Percent)
{
    /// <summary>Whether every item is done (false without items).</summary>
    public bool AllDone => Items > 0 && Done == Items;

    /// <summary>Sums up the items at <paramref name="now"/>.</summary>
    public static ImplementationProgress Of(IReadOnlyCollection<ActionItem> items, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return new ImplementationProgress(0, 0, 0, 0);
        var done = items.Count(i => i.Status == ActionItemStatuses.Done);
        var overdue = items.Count(i => i.Status != ActionItemStatuses.Done && i.DueAt <= now);
        // Rounded down, so that 99.5% never reads as 100% while an item is open.
        var sum = items.Sum(i => i.Status == ActionItemStatuses.Done ? 100 : Math.Clamp(i.Percent, 0, 100));
        return new ImplementationProgress(items.Count, done, overdue, sum / items.Count);
    }
}
