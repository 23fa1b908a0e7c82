namespace Deliberation.Civic.Participation;

/// <summary>
/// Who answers a question for a household on paper: its representative (户代表), or else the first of its people by name.
/// The paper sheets (<see cref="Paper.PaperBallots"/>) and 代填答复's list of the sheets' tasks pick by this one rule, so that
/// the task a building head enters a sheet against is the one the sheet was printed for.
/// </summary>
public static class HouseholdAnswerer
{
    /// <summary>The member of one household who answers for it.</summary>
    public static T Choose<T>(IEnumerable<T> household, Func<T, bool> isRepresentative, Func<T, string> name) =>
        household.OrderByDescending(isRepresentative).ThenBy(name, StringComparer.Ordinal).First();
}
