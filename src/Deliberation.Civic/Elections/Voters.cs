using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Elections;

/// <summary>Who votes for a household.</summary>
internal static class Voters
{
    /// <summary>
    /// One household representative per household (one vote per household): where the roster marks
    /// several, the first added votes, so the choice is stable between the ballot and the count.
    /// </summary>
    public static List<Person> OnePerHousehold(IEnumerable<Person> representatives) =>
        representatives.Where(p => p.HouseholdId is not null)
            .GroupBy(p => p.HouseholdId)
            .Select(g => g.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).First())
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToList();
}
