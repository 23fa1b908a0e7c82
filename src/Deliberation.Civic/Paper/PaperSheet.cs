using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Paper;

/// <summary>One household's paper sheet for a question: whose it is and the household's own signed answer link.</summary>
/// <param name="Task">The household's task (its representative's, or else its first person's).</param>
/// <param name="HouseholdId">The household.</param>
/// <param name="Household">E.g. 东苑1栋 1单元102.</param>
/// <param name="PersonName">Who answers for the household.</param>
/// <param name="Link">The short form of the signed answer link (<c>/s/{code}</c>), the sheet's QR code.</param>
public sealed record PaperSheet(ParticipationTask Task, Guid HouseholdId, string Household, string PersonName, string Link);
