
namespace Deliberation.Civic.Roster;

/// <summary>What an import did: either the problems (and nothing written) or the counts of what was added.</summary>
/// <param name="Problems">Every problem of the file; when any, nothing was imported.</param>
/// <param name="HouseholdsAdded">Households created.</param>
/// <param name="PeopleAdded">People added.</param>
/// <param name="Conflicted">True when the roster changed while this import ran, so nothing was imported; try again.</param>
public sealed record RosterImportResult(IReadOnlyList<RosterProblem> Problems, int HouseholdsAdded, int PeopleAdded, bool Conflicted = false)
{
    /// <summary>Whether the roster was imported.</summary>
    public bool Imported => Problems.Count == 0 && !Conflicted;
}
