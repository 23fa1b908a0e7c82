namespace Deliberation.Civic.Implementation;

/// <summary>What staff give to create an action item.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="ResponsibleParty">Who carries it out, e.g. 物业公司.</param>
/// <param name="PersonId">The roster person who reports progress by link, if any.</param>
/// <param name="DueAt">When it is due; in the future.</param>
/// <param name="Budget">The budget in yuan, if any: 0 or more, at most two decimals.</param>
/// <param name="FundingSource">Where the money comes from.</param>
/// <param name="MeetingId">The meeting that resolved it, if any.</param>
public sealed record ActionItemDraft(string? Title, string? ResponsibleParty, Guid? PersonId, DateTimeOffset? DueAt, decimal? Budget,
    string? FundingSource, Guid? MeetingId);
