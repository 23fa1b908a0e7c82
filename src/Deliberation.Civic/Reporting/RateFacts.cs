namespace Deliberation.Civic.Reporting;

/// <summary>What the rates are counted from, read from the community's records (<see cref="MonthlyRatesReader"/>).</summary>
/// <param name="Responses">The matters to respond to (限时响应).</param>
/// <param name="Received">The matters received: complaints, needs not fed from a complaint, cases not from a complaint.</param>
/// <param name="Answers">Residents' satisfaction answers.</param>
public sealed record RateFacts(IReadOnlyList<RateFacts.Response> Responses, IReadOnlyList<RateFacts.Matter> Received, IReadOnlyList<RateFacts.Answer> Answers)
{
    /// <summary>A matter to respond to within a deadline.</summary>
    /// <param name="ReportedAt">When it was reported (the response time runs from here).</param>
    /// <param name="Deadline">How long the first level had.</param>
    /// <param name="HandledAt">When someone marked it handled; null until then.</param>
    public sealed record Response(DateTimeOffset ReportedAt, TimeSpan Deadline, DateTimeOffset? HandledAt);

    /// <summary>A matter the community received.</summary>
    /// <param name="ReceivedAt">When it was received: a complaint logged, a need entered, a case opened.</param>
    /// <param name="Resolved">Whether it is resolved now.</param>
    public sealed record Matter(DateTimeOffset ReceivedAt, bool Resolved);

    /// <summary>A resident's answer to "are you satisfied?".</summary>
    /// <param name="AnsweredAt">When they answered (a changed answer counts once, at its latest time).</param>
    /// <param name="Satisfied">满意 (or 基本满意 in a follow-up); false for 不满意.</param>
    public sealed record Answer(DateTimeOffset AnsweredAt, bool Satisfied);
}
