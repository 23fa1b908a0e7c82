using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Responses;

/// <summary>Finds the grid workers (网格员) responsible for a matter from where it is.</summary>
public static class GridWorkers
{
    /// <summary>
    /// The grid workers of the matter's buildings: those whose building group is one of <paramref name="buildings"/>, else
    /// those of the same precincts (grids), else none. In order of name.
    /// </summary>
    /// <param name="workers">The community's people with the grid worker role.</param>
    /// <param name="precinctOf">Each building group's precinct.</param>
    /// <param name="buildings">The building groups the matter concerns (a complaint's scope).</param>
    public static IReadOnlyList<Person> For(IEnumerable<Person> workers, IReadOnlyDictionary<Guid, Guid> precinctOf, IReadOnlyCollection<Guid> buildings)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(precinctOf);
        ArgumentNullException.ThrowIfNull(buildings);
        var grid = workers.Where(p => (p.Roles & PersonRoles.GridWorker) == PersonRoles.GridWorker && p.BuildingGroupId is not null).ToList();
        var same = grid.Where(p => buildings.Contains(p.BuildingGroupId!.Value)).ToList();
        if (same.Count == 0)
        {
            var precincts = buildings.Where(precinctOf.ContainsKey).Select(b => precinctOf[b]).ToHashSet();
            same = grid.Where(p => precinctOf.TryGetValue(p.BuildingGroupId!.Value, out var precinct) && precincts.Contains(precinct)).ToList();
        }
        return [.. same.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)];
    }
}
