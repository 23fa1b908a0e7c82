using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Roster;

/// <summary>What importing a roster would do, or why it must not.</summary>
/// <param name="Problems">Every problem, by line; when there is any, nothing may be imported.</param>
/// <param name="Households">The households to add (those not yet in the community).</param>
/// <param name="People">The people to add, linked to existing or new households.</param>
public sealed record RosterImportPlan(IReadOnlyList<RosterProblem> Problems, IReadOnlyList<Household> Households, IReadOnlyList<Person> People)
{
    /// <summary>Whether the roster may be imported.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>A plan that imports nothing because of <paramref name="problems"/>.</summary>
    public static RosterImportPlan Refused(IReadOnlyList<RosterProblem> problems) => new(problems, [], []);
}
