using System.Text.Json.Nodes;
using Deliberation.Civic.Communities;
using Deliberation.Civic.Roster;
using Deliberation.Engine.Expressions;

namespace Deliberation.Civic.Audiences;

/// <summary>
/// An audience as a workflow names it: a kind and its targets — ids, or role names for <see cref="AudienceKinds.Role"/>.
/// Read with <see cref="Parse"/>; <see cref="AudienceResolver"/> turns it into people.
/// </summary>
/// <param name="Kind">One of <see cref="AudienceKinds.All"/>.</param>
/// <param name="Ids">The case, building group, person or organisation ids, each once, in the order given; empty for a role.</param>
/// <param name="Roles">The roles, for <see cref="AudienceKinds.Role"/>; <see cref="PersonRoles.None"/> otherwise.</param>
/// <param name="OnePerHousehold">For building groups: one person per household (its representative) rather than everyone on the roster.</param>
public sealed record AudienceSpec(string Kind, IReadOnlyList<Guid> Ids, PersonRoles Roles, bool OnePerHousehold)
{
    // People paste ids from the UI and from spreadsheets: any of these separates them.
    private static readonly char[] Separators = [',', '，', '、', ';', '；', ' ', '\t', '\r', '\n', '\u3000'];

    /// <summary>Reads an audience from an activity's inputs.</summary>
    /// <param name="kind">The kind, one of <see cref="AudienceKinds.All"/>.</param>
    /// <param name="targets">Ids (or role names) separated by commas, spaces or line breaks; or a JSON array of them.</param>
    /// <param name="onePerHousehold">See <see cref="OnePerHousehold"/>.</param>
    /// <param name="activity">The activity's id, for the fault.</param>
    /// <exception cref="Engine.Runtime.ActivityFaultException">
    /// An unknown kind (<c>audience-kind-unknown</c>), no targets (<c>audience-targets-required</c>), a target that is not an
    /// id (<c>audience-id-invalid</c>) or not a role (<c>audience-role-unknown</c>).
    /// </exception>
    public static AudienceSpec Parse(string? kind, JsonNode? targets, bool onePerHousehold, string activity)
    {
        kind = kind?.Trim();
        if (!AudienceKinds.IsKnown(kind))
            throw AudienceFaults.KindUnknown.Fault(("activity", activity), ("value", kind ?? ""), ("kinds", string.Join(", ", AudienceKinds.All)));
        var parts = Split(targets);
        if (parts.Count == 0) throw AudienceFaults.TargetsRequired.Fault(("activity", activity), ("kind", kind));

        if (kind == AudienceKinds.Role)
        {
            var roles = PersonRoles.None;
            foreach (var part in parts)
                roles |= RoleNames.Find(part) ?? throw AudienceFaults.RoleUnknown.Fault(("activity", activity), ("value", part));
            return new AudienceSpec(kind, [], roles, onePerHousehold);
        }
        return new AudienceSpec(kind!, ToIds(parts, "audienceIds", activity), PersonRoles.None, onePerHousehold);
    }

    /// <summary>Reads a list of ids separated by commas, spaces or line breaks (or a JSON array), each once; empty for none.</summary>
    /// <param name="text">The list.</param>
    /// <param name="input">The input it came from, for the fault.</param>
    /// <param name="activity">The activity's id, for the fault.</param>
    /// <exception cref="Engine.Runtime.ActivityFaultException">A part that is not an id (<c>audience-id-invalid</c>).</exception>
    public static IReadOnlyList<Guid> ParseIds(JsonNode? text, string input, string activity) => ToIds(Split(text), input, activity);

    private static List<Guid> ToIds(List<string> parts, string input, string activity)
    {
        var ids = new List<Guid>();
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var id)) throw AudienceFaults.IdInvalid.Fault(("activity", activity), ("input", input), ("value", part));
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    private static List<string> Split(JsonNode? targets) => targets switch
    {
        null => [],
        JsonArray array => array.Select(JsonValues.AsText).OfType<string>().SelectMany(SplitText).ToList(),
        _ => SplitText(JsonValues.AsText(targets) ?? ""),
    };

    private static List<string> SplitText(string text) => [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
