using System.Globalization;
using Deliberation.Civic.Data;

namespace Deliberation.Civic.Meetings;

/// <summary>One line of 责任分工 in the minutes, with its funding by source.</summary>
internal sealed record MinutesAction(string Party, string Task, string? Due, string? Funding, IReadOnlyList<Implementation.FundingShare> Shares);

/// <summary>The action items the minutes list: each responsible party with its task, due date, budget and funding.</summary>
internal static class ActionItemsForMinutes
{
    /// <summary>The case's items decided at this meeting, and those of the case not tied to any meeting; by due date.</summary>
    public static async Task<List<MinutesAction>> ReadAsync(ICivicSession db, Meeting meeting, CancellationToken cancellationToken)
    {
        var items = await db.ActionItems.Where(i => i.CaseId == meeting.CaseId && (i.MeetingId == meeting.Id || i.MeetingId == null)).ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var shares = (await db.FundingShares.AsNoTracking().Where(s => ids.Contains(s.ActionItemId)).ToListAsync(cancellationToken)).ToLookup(s => s.ActionItemId);
        return [.. items.OrderBy(i => i.DueAt).ThenBy(i => i.ResponsibleParty, StringComparer.Ordinal).Select(i => new MinutesAction(
            i.ResponsibleParty,
            i.Budget is { } budget ? $"{i.Title}（预算 {Money.Yuan(budget)} 元）" : i.Title,
            Civic.BeijingTime.ToBeijing(i.DueAt).ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            i.FundingSource,
            shares[i.Id].OrderBy(s => s.Position).ToList()))];
    }
}
