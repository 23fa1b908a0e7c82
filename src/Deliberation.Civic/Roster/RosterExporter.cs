using System.Globalization;
using CsvHelper;
using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Roster;

/// <summary>
/// Writes a community's roster as CSV that Excel opens correctly (UTF-8 with a byte order mark) and that
/// <see cref="RosterParser"/> reads back: the Chinese headers, one row per person, full phone numbers.
/// </summary>
public static class RosterExporter
{
    /// <summary>The roster as CSV bytes, ordered by building group, unit (representatives first) and name.</summary>
    public static byte[] WriteCsv(RosterStructure structure)
    {
        var precincts = structure.Precincts.ToDictionary(p => p.Id);
        var buildings = structure.BuildingGroups.ToDictionary(b => b.Id);
        var households = structure.Households.ToDictionary(h => h.Id);
        var rows = structure.People.Select(person =>
        {
            var household = person.HouseholdId is { } h && households.TryGetValue(h, out var found) ? found : null;
            var buildingId = household?.BuildingGroupId ?? person.BuildingGroupId;
            var building = buildingId is { } b && buildings.TryGetValue(b, out var bg) ? bg : null;
            var precinct = building is not null && precincts.TryGetValue(building.PrecinctId, out var p) ? p : null;
            return (Person: person, Household: household, Building: building, Precinct: precinct);
        })
            // People without a building (lawyers, accountants) come last.
            .OrderBy(r => r.Building is null)
            .ThenBy(r => r.Precinct?.Name ?? "", NaturalComparer.Instance)
            .ThenBy(r => r.Building?.Compound ?? "", NaturalComparer.Instance)
            .ThenBy(r => r.Building?.Name ?? "", NaturalComparer.Instance)
            .ThenBy(r => r.Household?.Unit ?? "", NaturalComparer.Instance)
            .ThenByDescending(r => r.Person.IsHouseholdRepresentative)
            .ThenBy(r => r.Person.Name, StringComparer.Ordinal)
            .ToList();

        using var stream = new MemoryStream();
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true };
        using (var writer = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            writer.WriteHeader(RosterColumns.All.Select(RosterColumns.Header).ToArray());
            foreach (var (person, household, building, precinct) in rows)
            {
                writer.WriteField(Guarded(precinct?.Name));
                writer.WriteField(Guarded(building?.Compound));
                writer.WriteField(Guarded(building?.Name));
                writer.WriteField(Guarded(household?.Entrance));
                writer.WriteField(Guarded(household?.Unit));
                writer.WriteField(household?.FloorArea.ToString("0.##", CultureInfo.InvariantCulture) ?? "");
                writer.WriteField(Guarded(person.Name));
                writer.WriteField(RoleNames.Format(person.Roles));
                writer.WriteField(Guarded(person.Email));
                // A stored phone is digits with an optional leading +, which cannot be a formula: no apostrophe.
                writer.WriteField(person.Phone ?? "");
                writer.WriteField(person.IsHouseholdRepresentative ? "是" : "否");
                writer.EndRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Puts an apostrophe before text that a spreadsheet would run as a formula (CSV injection, as OWASP
    /// describes); <see cref="RosterParser"/> removes it again, so an export imports unchanged.
    /// </summary>
    private static string Guarded(string? value) =>
        value is { Length: > 0 } && RosterParser.FormulaStarts.Contains(value[0], StringComparison.Ordinal) ? "'" + value : value ?? "";
}
