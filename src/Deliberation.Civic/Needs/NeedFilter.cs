namespace Deliberation.Civic.Needs;

/// <summary>Which needs to list; null parts do not filter.</summary>
/// <param name="Status">One of <see cref="NeedStatuses.All"/>.</param>
/// <param name="Kind">One of <see cref="NeedKinds.All"/>.</param>
/// <param name="Overdue">Only the overdue (true) or only those that are not (false).</param>
public sealed record NeedFilter(string? Status = null, string? Kind = null, bool? Overdue = null);
