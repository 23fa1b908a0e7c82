using Deliberation.Civic.Data;
using Deliberation.Civic.Meetings;

namespace Deliberation.Civic.Elections;

/// <summary>
/// Which of the five steps an open case is at, read from what the case has done — so the case list can filter and show
/// it for any number of cases at once in the database: 5 推动落实 once minutes are filed; 4 形成共识 once a meeting is
/// under way or closed; 3 搭建议事平台 once a meeting is planned or the stakeholders are settled (groups defined and no
/// election still open); 2 确定利益相关方 once groups are defined; 1 锚定问题 before that (the public notice). A closed
/// case is at none.
/// </summary>
public static class CaseSteps
{
    /// <summary>The step of each open case among <paramref name="caseIds"/> (closed ones are left out), by the same rules as <see cref="AtStep"/>.</summary>
    public static async Task<Dictionary<Guid, int>> OfAsync(ICivicSession db, IReadOnlyList<Guid> caseIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseIds);
        var steps = new Dictionary<Guid, int>();
        if (caseIds.Count == 0) return steps;
        for (var step = 1; step <= 5; step++)
            foreach (var id in await db.Cases.Where(c => caseIds.Contains(c.Id)).AtStep(db, step, now).Select(c => c.Id).ToListAsync(cancellationToken))
                steps[id] = step;
        return steps;
    }

    /// <summary>The open cases at <paramref name="step"/> (1–5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is not 1–5.</exception>
    public static IQueryable<DeliberationCase> AtStep(this IQueryable<DeliberationCase> cases, ICivicSession db, int step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = cases.Where(c => c.ClosedAt == null);
        var minutes = open.Where(c => db.Minutes.Any(m => m.CaseId == c.Id));
        var noMinutes = open.Where(c => !db.Minutes.Any(m => m.CaseId == c.Id));
        var met = noMinutes.Where(c => db.Meetings.Any(m => m.CaseId == c.Id
            && (m.Status == MeetingStatuses.Closed || (m.Status == MeetingStatuses.Scheduled && m.StartsAt <= now))));
        var notMet = noMinutes.Where(c => !db.Meetings.Any(m => m.CaseId == c.Id
            && (m.Status == MeetingStatuses.Closed || (m.Status == MeetingStatuses.Scheduled && m.StartsAt <= now))));
        return step switch
        {
            5 => minutes,
            4 => met,
            3 => notMet.Where(c => db.Meetings.Any(m => m.CaseId == c.Id)
                || (db.AffectedGroups.Any(g => g.CaseId == c.Id) && !db.Elections.Any(e => e.CaseId == c.Id && e.Status != ElectionStatuses.Counted))),
            2 => notMet.Where(c => !db.Meetings.Any(m => m.CaseId == c.Id)
                && db.AffectedGroups.Any(g => g.CaseId == c.Id) && db.Elections.Any(e => e.CaseId == c.Id && e.Status != ElectionStatuses.Counted)),
            1 => notMet.Where(c => !db.Meetings.Any(m => m.CaseId == c.Id) && !db.AffectedGroups.Any(g => g.CaseId == c.Id)),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "A step is 1–5."),
        };
    }
}
