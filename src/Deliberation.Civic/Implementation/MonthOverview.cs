using Deliberation.Civic.Data;
using Deliberation.Civic.Reporting;

namespace Deliberation.Civic.Implementation;

/// <summary>
/// A community's month at a glance, for the dashboard's charts: cases opened and closed in the month (Beijing time),
/// cases open now, action items done in the month and overdue now, and the month's follow-up answers — what a
/// committee is judged on (response, resolution, satisfaction).
/// </summary>
/// <param name="Month">The month, e.g. <c>2026-12</c>.</param>
/// <param name="CasesOpened">Cases opened in the month.</param>
/// <param name="CasesClosed">Cases closed in the month.</param>
/// <param name="OpenNow">Cases open now.</param>
/// <param name="ItemsDone">Action items done in the month.</param>
/// <param name="ItemsOverdue">Action items past their due date and not done, now.</param>
/// <param name="FollowUp">The answers of those asked for the follow-up in the month.</param>
public sealed record MonthOverview(string Month, int CasesOpened, int CasesClosed, int OpenNow, int ItemsDone, int ItemsOverdue, SatisfactionSummary FollowUp);

/// <summary>Reads <see cref="MonthOverview"/>s.</summary>
public sealed class MonthOverviews(ICivicDatabase database, TimeProvider time)
{
    /// <summary>The overview of the month (Beijing time) that holds <paramref name="day"/>, or the current month.</summary>
    public async Task<MonthOverview> GetAsync(Guid communityId, DateOnly? day, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var month = day is { } d ? ReportMonth.Of(d) : ReportMonth.Holding(now);
        var (from, to) = (month.From, month.To);

        await using var db = database.Open();
        var cases = db.Cases.Where(c => c.CommunityId == communityId);
        var opened = await cases.CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to, cancellationToken);
        var closed = await cases.CountAsync(c => c.ClosedAt >= from && c.ClosedAt < to, cancellationToken);
        var open = await cases.CountAsync(c => c.ClosedAt == null, cancellationToken);
        var items = db.ActionItems.Where(i => cases.Any(c => c.Id == i.CaseId));
        var done = await items.CountAsync(i => i.DoneAt >= from && i.DoneAt < to, cancellationToken);
        var overdue = await items.CountAsync(i => i.DoneAt == null && i.DueAt < now, cancellationToken);
        var asked = await db.FollowUpRequests.Where(r => r.CommunityId == communityId && r.AskedAt >= from && r.AskedAt < to)
            .Select(r => r.TaskId).ToListAsync(cancellationToken);
        var answers = await Satisfaction.CurrentAnswersAsync(db, asked, cancellationToken);
        var followUp = Satisfaction.Summarize(asked.Select(id => Satisfaction.ChoiceOf(answers.GetValueOrDefault(id))));
        return new MonthOverview(month.Key, opened, closed, open, done, overdue, followUp);
    }
}
