namespace Deliberation.Civic.Reporting;

/// <summary>
/// One month's three rates, what a committee is judged on (see <see cref="MonthlyRates"/> for what each counts).
/// </summary>
/// <param name="Month">The month, e.g. <c>2026-12</c> (Beijing time).</param>
/// <param name="Response">响应率: matters to respond to reported in the month, handled within their deadline.</param>
/// <param name="AverageResponseMinutes">平均响应时长: the mean time from reported to handled of the month's handled matters, in whole minutes; null when none was handled.</param>
/// <param name="Handled">How many of the month's matters were handled (in time or late): the base of the average.</param>
/// <param name="Resolution">办结率: complaints, needs and cases received in the month that are resolved by now.</param>
/// <param name="Satisfaction">满意率: residents' answers given in the month (needs' confirmations, cases' follow-ups) that are satisfied.</param>
public sealed record MonthRates(string Month, Rate Response, int? AverageResponseMinutes, int Handled, Rate Resolution, Rate Satisfaction);
