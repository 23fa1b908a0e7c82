using Deliberation.Civic.Data;
using Deliberation.Civic.Implementation;
using Deliberation.Civic.Issues;
using Deliberation.Engine.Runtime;

namespace Deliberation.Civic.Reporting;

/// <summary>
/// Reads a community's <see cref="MonthRates"/> for the staff dashboard: the facts of <see cref="MonthlyRates"/> from the
/// community's own complaints, needs, cases, matters to respond to and follow-ups — never another community's.
/// </summary>
public sealed class MonthlyRatesReader(ICivicDatabase database, TimeProvider time)
{
    /// <summary>The months shown unless asked otherwise: a year.</summary>
    public const int DefaultMonths = 12;

    /// <summary>The most months read at once.</summary>
    public const int MaxMonths = 36;

    /// <summary>The rates of the last <paramref name="months"/> months (Beijing time), this month last.</summary>
    /// <exception cref="WorkflowException">The number of months is not 1–<see cref="MaxMonths"/> (400, <c>report-months</c> on <c>months</c>).</exception>
    public async Task<IReadOnlyList<MonthRates>> GetAsync(Guid communityId, int months, CancellationToken cancellationToken)
    {
        if (months is < 1 or > MaxMonths)
            throw new WorkflowException(WorkflowErrorKind.Invalid, "bad-request", "The number of months is out of range; nothing was read.")
            {
                FieldErrors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal) { ["months"] = [ReportFields.Months.With(("max", MaxMonths))] },
            };
        var now = time.GetUtcNow();
        var window = ReportMonth.Last(months, now);
        await using var db = database.Open();
        var facts = await ReadAsync(db, communityId, window[0].From, cancellationToken);
        return MonthlyRates.Compute(window, now, facts);
    }

    /// <summary>The facts of the community from <paramref name="from"/> on.</summary>
    internal static async Task<RateFacts> ReadAsync(ICivicSession db, Guid communityId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var responses = (await db.TimedResponses.AsNoTracking().Where(r => r.CommunityId == communityId && r.ReportedAt >= from)
                .Select(r => new { r.ReportedAt, r.DeadlineMinutes, r.HandledAt }).ToListAsync(cancellationToken))
            .Select(r => new RateFacts.Response(r.ReportedAt, TimeSpan.FromMinutes(r.DeadlineMinutes), r.HandledAt)).ToList();
        return new RateFacts(responses, await ReceivedAsync(db, communityId, from, cancellationToken), await AnswersAsync(db, communityId, from, cancellationToken));
    }

    private static async Task<List<RateFacts.Matter>> ReceivedAsync(ICivicSession db, Guid communityId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.LoggedAt >= from && c.Status != ComplaintStatus.Merged)
            .Select(c => new { c.Id, c.LoggedAt, c.Status }).ToListAsync(cancellationToken);
        var ids = complaints.Select(c => (Guid?)c.Id).ToList();
        var resolved = new HashSet<Guid?>(await db.Needs.Where(n => n.CommunityId == communityId && n.DoneAt != null && ids.Contains(n.ComplaintId))
            .Select(n => n.ComplaintId).ToListAsync(cancellationToken));
        resolved.UnionWith(await db.TimedResponses.Where(r => r.CommunityId == communityId && r.HandledAt != null && ids.Contains(r.ComplaintId))
            .Select(r => r.ComplaintId).ToListAsync(cancellationToken));
        resolved.UnionWith(await db.Cases.Where(c => c.CommunityId == communityId && c.ClosedAt != null && ids.Contains(c.ComplaintId))
            .Select(c => c.ComplaintId).ToListAsync(cancellationToken));
        var matters = complaints.Select(c => new RateFacts.Matter(c.LoggedAt, c.Status == ComplaintStatus.Closed || resolved.Contains(c.Id))).ToList();
        matters.AddRange((await db.Needs.AsNoTracking().Where(n => n.CommunityId == communityId && n.ComplaintId == null && n.CreatedAt >= from)
            .Select(n => new { n.CreatedAt, n.DoneAt }).ToListAsync(cancellationToken)).Select(n => new RateFacts.Matter(n.CreatedAt, n.DoneAt is not null)));
        matters.AddRange((await db.Cases.AsNoTracking().Where(c => c.CommunityId == communityId && c.ComplaintId == null && c.CreatedAt >= from)
            .Select(c => new { c.CreatedAt, c.ClosedAt }).ToListAsync(cancellationToken)).Select(c => new RateFacts.Matter(c.CreatedAt, c.ClosedAt is not null)));
        return matters;
    }

    private static async Task<List<RateFacts.Answer>> AnswersAsync(ICivicSession db, Guid communityId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var answers = (await db.Needs.AsNoTracking().Where(n => n.CommunityId == communityId && n.Satisfied != null && n.ConfirmationAt >= from)
            .Select(n => new { n.ConfirmationAt, n.Satisfied }).ToListAsync(cancellationToken))
            .Select(n => new RateFacts.Answer(n.ConfirmationAt!.Value, n.Satisfied!.Value)).ToList();
        var asked = db.FollowUpRequests.Where(r => r.CommunityId == communityId).Select(r => r.TaskId);
        var tasks = await db.TaskAnswers.Where(a => a.IsCurrent && a.AnsweredAt >= from && asked.Contains(a.TaskId)).Select(a => a.TaskId).Distinct()
            .ToListAsync(cancellationToken);
        foreach (var answer in (await Satisfaction.CurrentAnswersAsync(db, tasks, cancellationToken)).Values)
        {
            if (Satisfaction.ChoiceOf(answer) is { } choice && Satisfaction.Choices.Any(c => c.Value == choice))
                answers.Add(new RateFacts.Answer(answer.AnsweredAt, choice is Satisfaction.Satisfied or Satisfaction.FairlySatisfied));
        }
        return answers;
    }
}
