namespace Deliberation.Civic.Implementation;

/// <summary>What staff give to create an action item.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="ResponsibleParty">Who carries it out, e.g. 物业公司.</param>
/// <param name="PersonId">The roster person who reports progress by link, if any.</param>
/// <param name="DueAt">When it is due; in the future.</param>
/// <param name="Budget">The budget in yuan, if any: 0 or more, at most two decimals.</param>
/// <param name="FundingSource">Where the money comes from.</param>
/// <param name="MeetingId">The meeting that resolved it, if any.</param>
/// <param name="Funding">The budget's sources with their amounts, summing to the budget (or, without a budget, making it).</param>
/// <param name="OrganisationId">
/// The organisation of the community's directory that owns the item, if any: the responsible party defaults to its name and
/// the reporting person to its representative on the roster.
/// </param>
public sealed record ActionItemDraft(string? Title, string? ResponsibleParty, Guid? PersonId, DateTimeOffset? DueAt, decimal? Budget,
    string? FundingSource, Guid? MeetingId, IReadOnlyList<FundingShareDraft?>? Funding = null, Guid? OrganisationId = null);

/// <summary>One source's share of an action item's budget, as staff give it.</summary>
/// <param name="Source">One of <see cref="FundingSources"/>.</param>
/// <param name="Amount">In yuan, above zero, at most two decimals.</param>
/// <param name="Detail">Who exactly, e.g. 番禺区慈善会; optional.</param>
public sealed record FundingShareDraft(string? Source, decimal? Amount, string? Detail = null);
