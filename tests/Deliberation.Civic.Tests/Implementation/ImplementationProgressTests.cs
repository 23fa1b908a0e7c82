using Deliberation.Civic.Implementation;

namespace Deliberation.Civic.Tests.Implementation;

[Trait("Category", "Deliberation")]
public sealed class ImplementationProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static ActionItem Item(int percent, string status = ActionItemStatuses.Open, int dueInDays = 5) =>
        new() { Id = Guid.NewGuid(), Percent = percent, Status = status, DueAt = Now.AddDays(dueInDays) };

    [Fact]
    public void Of_NoItems_IsZeroAndNotAllDone()
    {
        var progress = ImplementationProgress.Of([], Now);
        Assert.Equal((0, 0, false), (progress.Items, progress.Percent, progress.AllDone));
    }

    [Fact]
    public void Of_MixedItems_AveragesWithDoneAsHundred()
    {
        var progress = ImplementationProgress.Of([Item(60), Item(30, ActionItemStatuses.Done), Item(0, dueInDays: -1)], Now);
        Assert.Equal((3, 1, 1, 53, false), (progress.Items, progress.Done, progress.Overdue, progress.Percent, progress.AllDone));
    }

    [Fact]
    public void Of_AlmostDone_RoundsDownBelowHundred() =>
        Assert.Equal(99, ImplementationProgress.Of([Item(99), Item(100, ActionItemStatuses.Done)], Now).Percent);

    [Fact]
    public void Of_EveryItemDone_IsAllDone()
    {
        var progress = ImplementationProgress.Of([Item(100, ActionItemStatuses.Done), Item(40, ActionItemStatuses.Done, -3)], Now);
        Assert.Equal((100, true, 0), (progress.Percent, progress.AllDone, progress.Overdue));
    }
}
