namespace Deliberation.Civic.Reporting;

/// <summary>
/// The three rates a committee is judged on (seed 004: 对发现的问题4小时之内处理到位; the 12345 hotline's response,
/// resolution and satisfaction), counted per month on Beijing's clock. A month in which nothing was counted has no rate
/// (null), never 0%: a quiet month is not a failed one.
/// <list type="bullet">
/// <item><b>响应率 response rate</b>: of the matters to respond to (限时响应) reported in the month whose first deadline has
/// passed or that were handled, the share handled within that first deadline — a level that had to escalate it did not
/// respond in time. A matter still within its deadline and unhandled is not counted yet. Beside it, the <b>average
/// response time</b> of the month's handled matters, in time or late.</item>
/// <item><b>办结率 resolution rate</b>: of the matters received in the month, the share resolved by now. The matters are the
/// complaints logged (not those merged into another: they are the same matter), the needs of the needs list entered
/// directly (a need fed from a complaint is that complaint's), and the cases opened without a complaint. A complaint is
/// resolved when its case closed, the need it feeds was reported done, or a matter to respond to about it was handled; a
/// need when its claimant reported it done (whether the requester is satisfied is the satisfaction rate's to say; a need
/// staff closed without it being done is not resolved); a case when it closed.</item>
/// <item><b>满意率 satisfaction rate</b>: of the residents' answers given in the month — a requester's confirmation of a done
/// need (满意 / 不满意, by link or taken by staff) and a case's follow-up (回访: 满意 / 基本满意 / 不满意) — the share
/// satisfied, 基本满意 counting as satisfied as the case's closing notice counts it. Those asked who did not answer are not
/// counted.</item>
/// </list>
/// </summary>
public static class MonthlyRates
{
    /// <summary>The rates of each month, in the order given.</summary>
    /// <param name="months">The months.</param>
    /// <param name="now">Now: which deadlines have passed.</param>
    /// <param name="facts">What to count.</param>
    public static IReadOnlyList<MonthRates> Compute(IReadOnlyList<ReportMonth> months, DateTimeOffset now, RateFacts facts)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(facts);
        return months.Select(month =>
        {
            var reported = facts.Responses.Where(r => month.Holds(r.ReportedAt)).ToList();
            var handled = reported.Where(r => r.HandledAt is not null).Select(r => r.HandledAt!.Value - r.ReportedAt).ToList();
            var response = Rate.Of(reported.Where(r => r.HandledAt is not null || r.ReportedAt + r.Deadline <= now), InTime);
            int? average = handled.Count == 0 ? null : (int)Math.Floor(handled.Average(t => t.TotalMinutes));
            var resolution = Rate.Of(facts.Received.Where(m => month.Holds(m.ReceivedAt)), m => m.Resolved);
            var satisfaction = Rate.Of(facts.Answers.Where(a => month.Holds(a.AnsweredAt)), a => a.Satisfied);
            return new MonthRates(month.Key, response, average, handled.Count, resolution, satisfaction);
        }).ToList();
    }

    /// <summary>Whether a matter was handled within its first deadline.</summary>
    public static bool InTime(RateFacts.Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.HandledAt is { } at && at - response.ReportedAt <= response.Deadline;
    }
}
