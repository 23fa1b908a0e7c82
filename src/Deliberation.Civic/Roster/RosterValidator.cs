using System.Globalization;
using Deliberation.Civic.Communities;

namespace Deliberation.Civic.Roster;

/// <summary>
/// Checks roster rows against a community and plans the import. Every row is checked and every problem
/// reported with its line, so that staff fix the file once; a plan with any problem imports nothing.
/// </summary>
public static class RosterValidator
{
    private static readonly string[] AreaSuffixes = ["平方米", "平米", "㎡", "m²", "m2"];

    private static readonly Dictionary<string, bool> Answers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["是"] = true, ["否"] = false, ["y"] = true, ["n"] = false, ["yes"] = true, ["no"] = false,
        ["true"] = true, ["false"] = false, ["1"] = true, ["0"] = false,
    };

    /// <summary>Reads and checks a roster file, then plans its import.</summary>
    /// <param name="content">The file (CSV or .xlsx).</param>
    /// <param name="structure">The community as it is now.</param>
    /// <param name="now">When the people are added.</param>
    public static RosterImportPlan Plan(byte[] content, RosterStructure structure, DateTimeOffset now)
    {
        var parsed = RosterParser.Parse(content);
        if (parsed.Problems.Count > 0) return RosterImportPlan.Refused(parsed.Problems);
        return Validate(parsed.Rows, structure, now);
    }

    /// <summary>Checks rows against the community and plans their import.</summary>
    /// <param name="rows">The rows read from a file.</param>
    /// <param name="structure">The community as it is now.</param>
    /// <param name="now">When the people are added.</param>
    public static RosterImportPlan Validate(IReadOnlyList<RosterRow> rows, RosterStructure structure, DateTimeOffset now)
    {
        var state = new State(structure);
        var problems = new List<RosterProblem>();
        var entries = new List<Entry>(rows.Count);
        foreach (var row in rows)
        {
            var entry = CheckRow(row, state, problems);
            if (entry is not null) entries.Add(entry);
        }
        if (problems.Count > 0) return RosterImportPlan.Refused(RosterParser.Sorted(problems));
        return Build(entries, state, structure.CommunityId, now);
    }

    /// <summary>A row that passed its own checks, as the plan needs it.</summary>
    private sealed record Entry(string Name, BuildingGroup? Building, HouseholdKey? Household, string? Unit, string Entrance, decimal? Area,
        PersonRoles Roles, string? Email, string? Phone, bool IsRepresentative);

    /// <summary>A household: its building group and its unit, compared ignoring case (A-1203 is a-1203).</summary>
    /// <summary>A household's address in its building: the entrance (单元, often empty) and the unit — 1单元101 and 2单元101 are two homes.</summary>
    private readonly record struct HouseholdKey(Guid BuildingGroupId, string Entrance, string Unit)
    {
        public static HouseholdKey Of(Guid buildingGroupId, string entrance, string unit) => new(buildingGroupId, entrance.ToUpperInvariant(), unit.ToUpperInvariant());
    }

    /// <summary>What the community has, and what earlier rows of the file said.</summary>
    private sealed class State(RosterStructure structure)
    {
        public Dictionary<string, Precinct> PrecinctsByName { get; } = First(structure.Precincts, p => p.Name.Trim());
        public Dictionary<Guid, Precinct> PrecinctsById { get; } = structure.Precincts.ToDictionary(p => p.Id);
        /// <summary>The buildings of each name, in every compound (a name may recur across compounds).</summary>
        public ILookup<string, BuildingGroup> BuildingsByName { get; } = structure.BuildingGroups.ToLookup(b => b.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        public Dictionary<HouseholdKey, Household> ExistingHouseholds { get; } = structure.Households
            .GroupBy(h => HouseholdKey.Of(h.BuildingGroupId, h.Entrance.Trim(), h.Unit.Trim())).ToDictionary(g => g.Key, g => g.First());
        public ILookup<Guid, Person> PeopleByHousehold { get; } = structure.People.Where(p => p.HouseholdId is not null).ToLookup(p => p.HouseholdId!.Value);
        public ILookup<Guid?, Person> PeopleWithoutHousehold { get; } = structure.People.Where(p => p.HouseholdId is null).ToLookup(p => p.BuildingGroupId);

        /// <summary>Each household's first line and floor area in the file.</summary>
        public Dictionary<HouseholdKey, (int Line, decimal Area)> SeenHouseholds { get; } = [];

        /// <summary>Each household's representative's line in the file.</summary>
        public Dictionary<HouseholdKey, int> SeenRepresentatives { get; } = [];

        /// <summary>Each person's line, by household (or building group when without household) and name.</summary>
        public Dictionary<(HouseholdKey? Household, Guid? Building, string Name), int> SeenPeople { get; } = [];

        private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> name) =>
            items.GroupBy(name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    private static Entry? CheckRow(RosterRow row, State state, List<RosterProblem> problems)
    {
        var line = row.Line;
        var before = problems.Count;

        var name = row[RosterColumn.Name];
        var nameLength = name.EnumerateRunes().Count();
        if (name.Length == 0) problems.Add(RosterProblems.NameRequired(line));
        else if (nameLength > RosterLimits.MaxNameLength) problems.Add(RosterProblems.NameTooLong(line, nameLength));
        else if (name.Any(char.IsControl)) problems.Add(RosterProblems.NameInvalid(line));

        BuildingGroup? building = null;
        var buildingName = row[RosterColumn.Building];
        var compound = row[RosterColumn.Compound];
        if (buildingName.Length > 0)
        {
            var named = state.BuildingsByName[buildingName]
                .Where(b => compound.Length == 0 || b.Compound.Trim().Equals(compound, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 1) building = named[0];
            else if (named.Count == 0) problems.Add(RosterProblems.UnknownBuilding(line, compound + buildingName));
            else problems.Add(RosterProblems.AmbiguousBuilding(line, buildingName, string.Join("、", named.Select(b => b.Compound).Order(NaturalComparer.Instance))));
        }

        var precinctName = row[RosterColumn.Precinct];
        if (precinctName.Length > 0)
        {
            if (!state.PrecinctsByName.TryGetValue(precinctName, out var precinct))
                problems.Add(RosterProblems.UnknownPrecinct(line, precinctName));
            else if (building is not null && building.PrecinctId != precinct.Id)
                problems.Add(RosterProblems.PrecinctMismatch(line, precinctName, building.Label,
                    state.PrecinctsById.TryGetValue(building.PrecinctId, out var actual) ? actual.Name : "?"));
        }

        var unit = row[RosterColumn.Unit];
        var unitUsable = false;
        if (unit.Length > 0)
        {
            if (buildingName.Length == 0) problems.Add(RosterProblems.BuildingRequired(line));
            if (unit.Length > RosterLimits.MaxUnitLength) problems.Add(RosterProblems.UnitTooLong(line));
            else unitUsable = building is not null;
        }

        var entrance = row[RosterColumn.Entrance];
        if (entrance.Length > RosterLimits.MaxEntranceLength) problems.Add(RosterProblems.EntranceTooLong(line));
        else if (entrance.Length > 0 && unit.Length == 0) problems.Add(RosterProblems.EntranceWithoutUnit(line));

        decimal? area = null;
        var areaText = row[RosterColumn.Area];
        if (unit.Length > 0 && areaText.Length == 0) problems.Add(RosterProblems.AreaRequired(line));
        else if (unit.Length == 0 && areaText.Length > 0) problems.Add(RosterProblems.AreaWithoutUnit(line));
        else if (areaText.Length > 0) area = ParseArea(line, areaText, problems);

        var rolesOk = RoleNames.TryParse(row[RosterColumn.Roles], out var roles, out var unknownRole);
        if (!rolesOk) problems.Add(RosterProblems.UnknownRole(line, unknownRole!));
        else if (roles.HasFlag(PersonRoles.Resident) && unit.Length == 0) problems.Add(RosterProblems.UnitRequired(line));

        var email = row[RosterColumn.Email];
        if (email.Length > 0 && !EmailAddresses.IsValid(email)) problems.Add(RosterProblems.EmailInvalid(line, email));

        string? phone = null;
        var phoneText = row[RosterColumn.Phone];
        if (phoneText.Length > 0)
        {
            if (PhoneNumbers.TryNormalize(phoneText, out var normalized)) phone = normalized;
            else problems.Add(RosterProblems.PhoneInvalid(line, phoneText));
        }

        var representative = false;
        var answer = row[RosterColumn.Representative];
        if (answer.Length > 0 && !Answers.TryGetValue(answer, out representative)) problems.Add(RosterProblems.RepresentativeInvalid(line, answer));
        else if (representative && unit.Length == 0) problems.Add(RosterProblems.RepresentativeWithoutHousehold(line));

        // Across rows and against the roster, as far as this row's own values allow.
        HouseholdKey? household = unitUsable ? HouseholdKey.Of(building!.Id, entrance, unit) : null;
        var address = entrance + unit;
        if (household is { } key)
        {
            if (area is { } a)
            {
                if (state.SeenHouseholds.TryGetValue(key, out var seen))
                {
                    if (seen.Area != a) problems.Add(RosterProblems.DuplicateHousehold(line, seen.Line, building!.Label, address, a, seen.Area));
                }
                else
                {
                    state.SeenHouseholds[key] = (line, a);
                    if (state.ExistingHouseholds.TryGetValue(key, out var existing) && existing.FloorArea != a)
                        problems.Add(RosterProblems.HouseholdConflict(line, building!.Label, address, a, existing.FloorArea));
                }
            }
            if (representative)
            {
                var onRoster = state.ExistingHouseholds.TryGetValue(key, out var existing)
                    ? state.PeopleByHousehold[existing.Id].FirstOrDefault(p => p.IsHouseholdRepresentative) : null;
                if (state.SeenRepresentatives.TryGetValue(key, out var earlier))
                    problems.Add(RosterProblems.DuplicateRepresentative(line, earlier, building!.Label, address));
                else if (onRoster is not null)
                    problems.Add(RosterProblems.RepresentativeOnRoster(line, building!.Label, address, onRoster.Name));
                else
                    state.SeenRepresentatives[key] = line;
            }
        }
        var nameUsable = name.Length > 0 && nameLength <= RosterLimits.MaxNameLength;
        if (nameUsable && (household is not null || unit.Length == 0) && (building is not null || buildingName.Length == 0))
        {
            var personKey = (household, household is null ? building?.Id : null, name.ToUpperInvariant());
            if (state.SeenPeople.TryGetValue(personKey, out var earlier))
            {
                problems.Add(RosterProblems.DuplicatePerson(line, earlier, name));
            }
            else
            {
                state.SeenPeople[personKey] = line;
                var already = household is { } k
                    ? state.ExistingHouseholds.TryGetValue(k, out var existing) && state.PeopleByHousehold[existing.Id].Any(p => SameName(p.Name, name))
                    : state.PeopleWithoutHousehold[building?.Id].Any(p => SameName(p.Name, name));
                if (already) problems.Add(RosterProblems.AlreadyOnRoster(line, name));
            }
        }

        if (problems.Count > before) return null;
        return new Entry(name, building, household, household is null ? null : unit, entrance, area, roles,
            email.Length > 0 ? email : null, phone, representative);
    }

    private static bool SameName(string a, string b) => a.Trim().Equals(b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads 89.5, 89.5㎡, 89.5 m2 or 89.5平方米; two decimals are kept, as the database does.</summary>
    private static decimal? ParseArea(int line, string text, List<RosterProblem> problems)
    {
        var number = text;
        foreach (var suffix in AreaSuffixes)
        {
            if (number.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                number = number[..^suffix.Length].TrimEnd();
                break;
            }
        }
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var area))
        {
            problems.Add(RosterProblems.AreaInvalid(line, text));
            return null;
        }
        area = Math.Round(area, 2, MidpointRounding.AwayFromZero);
        if (area <= 0 || area >= RosterLimits.MaxFloorArea)
        {
            problems.Add(RosterProblems.AreaOutOfRange(line, text));
            return null;
        }
        return area;
    }

    private static RosterImportPlan Build(List<Entry> entries, State state, Guid communityId, DateTimeOffset now)
    {
        var households = new List<Household>();
        var ids = new Dictionary<HouseholdKey, Guid>();
        var people = new List<Person>(entries.Count);
        foreach (var e in entries)
        {
            Guid? householdId = null;
            if (e.Household is { } key)
            {
                if (!ids.TryGetValue(key, out var id))
                {
                    if (state.ExistingHouseholds.TryGetValue(key, out var existing))
                    {
                        id = existing.Id;
                    }
                    else
                    {
                        id = Guid.CreateVersion7(now);
                        households.Add(new Household
                        {
                            Id = id, CommunityId = communityId, BuildingGroupId = key.BuildingGroupId, Entrance = e.Entrance, Unit = e.Unit!, FloorArea = e.Area!.Value,
                        });
                    }
                    ids[key] = id;
                }
                householdId = id;
            }
            people.Add(new Person
            {
                Id = Guid.CreateVersion7(now), CommunityId = communityId, HouseholdId = householdId, BuildingGroupId = e.Building?.Id,
                Name = e.Name, Email = e.Email, Phone = e.Phone, Roles = e.Roles, IsHouseholdRepresentative = e.IsRepresentative, CreatedAt = now,
            });
        }
        return new RosterImportPlan([], households, people);
    }
}
